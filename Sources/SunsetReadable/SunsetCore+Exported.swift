// `DatabaseFormat` and its sniffing live in SunsetCore, shared with the scanner (which must
// not link libmdb to tell a database by its first bytes); the readers use them from there,
// and so does every user of this target.
@_exported import SunsetCore

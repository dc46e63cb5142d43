import CMDB
import Foundation

/// An Access database (Jet 3, Jet 4 or ACE) read through mdbtools' libmdb, opened read-only.
/// Its tables share the one libmdb handle, so they are read one at a time (not thread-safe).
public final class JetSource: DatabaseSource {
    public let format: DatabaseFormat
    let path: String
    let handle: UnsafeMutablePointer<MdbHandle>
    /// libmdb's bind size: the longest text or memo, in UTF-8 bytes, a cell can hold.
    static let bindSize = 1 << 20

    /// Opens the database at `url`; throws `ReadableError.notADatabase` when libmdb cannot.
    public init(url: URL) throws {
        path = url.path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ReadableError.notADatabase(path: path, reason: "the file cannot be read")
        }
        guard let handle = mdb_open(path, MDB_NOFLAGS) else {
            throw ReadableError.notADatabase(path: path, reason: "libmdb does not recognise it as an Access database")
        }
        mdb_set_bind_size(handle, Self.bindSize)
        // libmdb converts text with iconv to UTF-8 unless MDBICONV names another charset.
        let charset = mdb_target_charset(handle).map { String(cString: $0) } ?? "UTF-8"
        guard charset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
            mdb_close(handle)
            throw ReadableError.notADatabase(path: path, reason: "MDBICONV asks libmdb for \(charset) text; unset it (Sunset reads UTF-8)")
        }
        // Closed here, before `self` is whole: a class whose initialiser throws after that
        // runs its deinit, which would close the handle a second time.
        guard mdb_read_catalog(handle, Int32(MDB_TABLE)) != nil else {
            mdb_close(handle)
            throw ReadableError.notADatabase(path: path, reason: "its catalog (MSysObjects) cannot be read")
        }
        switch handle.pointee.f.pointee.jet_version {
        case UInt32(MDB_VER_JET3): format = .jet3
        case UInt32(MDB_VER_JET4): format = .jet4
        default: format = .ace
        }
        self.handle = handle
    }

    deinit {
        mdb_close(handle)
    }

    /// The user tables in catalog order; MSys* and other system tables are left out. A table
    /// whose definition cannot be read is still listed: reading it throws `.damaged`.
    public func tables() throws -> [TableSource] {
        guard let catalog = handle.pointee.catalog else { return [] }
        var tables: [TableSource] = []
        for index in 0..<Int(catalog.pointee.len) {
            guard let raw = catalog.pointee.pdata[index] else { continue }
            let entry = raw.assumingMemoryBound(to: MdbCatalogEntry.self)
            guard mdb_is_user_table(entry) != 0 else { continue }
            let name = Self.string(entry.pointee.object_name)
            guard !name.hasPrefix("MSys") else { continue }
            tables.append(JetTable(database: self, entry: entry, name: name))
        }
        return tables
    }

    /// A C string held in a fixed-size char array of a libmdb struct.
    static func string<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { bytes in
            let chars = bytes.prefix { $0 != 0 }
            return String(decoding: chars, as: UTF8.self)
        }
    }
}

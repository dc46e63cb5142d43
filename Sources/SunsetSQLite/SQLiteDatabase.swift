import CSQLite
import Foundation

/// The little of SQLite's C interface Sunset needs, shared by the scan's state file and the
/// readable copies: one connection, statements prepared once, failures as text.
public final class SQLiteDatabase {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    private var handle: OpaquePointer?

    /// Opens `path` read-only, or read-write (creating it) when `writing`.
    public convenience init(path: String, writing: Bool) throws(Failure) {
        try self.init(path, flags: writing ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY)
    }

    /// Opens a file someone else's program wrote read-only, through an `immutable=1` URI:
    /// SQLite then writes nothing at all, not even a journal or a lock, and never looks for a
    /// `-wal` file's changes.
    public static func immutable(_ path: String) throws(Failure) -> SQLiteDatabase {
        // Every byte but the unreserved ones and "/" percent-encoded: "?", "#" and "%" in a
        // file name then stay part of the name.
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        let encoded = path.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        let uri = "file:" + encoded + "?immutable=1"
        return try SQLiteDatabase(uri, flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
    }

    /// Opens an existing file read-write the ordinary way (so that SQLite can read its
    /// write-ahead log, which needs a `-shm` file beside it).
    public static func readWrite(_ path: String) throws(Failure) -> SQLiteDatabase {
        try SQLiteDatabase(path, flags: SQLITE_OPEN_READWRITE)
    }

    private init(_ name: String, flags: Int32) throws(Failure) {
        let status = sqlite3_open_v2(name, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close(handle)
            handle = nil
            throw Failure(description: message)
        }
    }

    deinit { sqlite3_close(handle) }

    /// Runs statements that return nothing.
    public func run(_ sql: String) throws(Failure) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw failure() }
    }

    /// The first column of the first row of a query, as an integer (nil when no row).
    public func integer(_ sql: String) throws(Failure) -> Int64? {
        let statement = try prepare(sql)
        guard try statement.step() else { return nil }
        return statement.integer(0)
    }

    public func prepare(_ sql: String) throws(Failure) -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw failure() }
        return Statement(pointer: statement, database: self)
    }

    fileprivate func failure() -> Failure {
        Failure(description: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open")
    }

    /// An identifier quoted for SQL: inside double quotes, quotes doubled (any name works).
    public static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A value to bind; nil where one is expected is NULL.
    public enum Value {
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])
    }

    /// One prepared statement; finalized when released.
    public final class Statement {
        private let pointer: OpaquePointer
        private let database: SQLiteDatabase

        fileprivate init(pointer: OpaquePointer, database: SQLiteDatabase) {
            self.pointer = pointer
            self.database = database
        }

        deinit { sqlite3_finalize(pointer) }

        /// Steps once: true when a row is there to read, false when done.
        public func step() throws(Failure) -> Bool {
            switch sqlite3_step(pointer) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw database.failure()
            }
        }

        /// Binds these values, runs the statement, then resets it (bindings cleared) for the next use.
        public func execute(_ values: [Value?]) throws(Failure) {
            defer { sqlite3_reset(pointer); sqlite3_clear_bindings(pointer) }
            for (index, value) in values.enumerated() { try bind(Int32(index + 1), value) }
            while try step() {}
        }

        /// Binds one value to the parameter at `position` (from 1); nil is NULL.
        public func bind(_ position: Int32, _ value: Value?) throws(Failure) {
            let status: Int32
            switch value {
            case nil: status = sqlite3_bind_null(pointer, position)
            case let .integer(number): status = sqlite3_bind_int64(pointer, position, number)
            case let .real(number): status = sqlite3_bind_double(pointer, position, number)
            case let .text(text): status = sqlite3_bind_text(pointer, position, text, -1, sunset_sqlite_transient())
            case let .blob(bytes):
                status = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob(pointer, position, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count),
                                      sunset_sqlite_transient())
                }
            }
            guard status == SQLITE_OK else { throw database.failure() }
        }

        /// Binds UTF-8 text given as bytes (SQLite copies them).
        public func bind(_ position: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) throws(Failure) {
            let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            guard sqlite3_bind_text(pointer, position, start, Int32(bytes.count), sunset_sqlite_transient()) == SQLITE_OK else {
                throw database.failure()
            }
        }

        /// Runs the statement with the values bound by `bind`, then resets it for the next row
        /// (bindings kept: a caller binding every parameter each row need not clear them).
        public func finishRow() throws(Failure) {
            defer { sqlite3_reset(pointer) }
            while try step() {}
        }

        /// Binds one text to the first parameter (for a query run once).
        public func bind(_ text: String) throws(Failure) {
            guard sqlite3_bind_text(pointer, 1, text, -1, sunset_sqlite_transient()) == SQLITE_OK else { throw database.failure() }
        }

        public var columnCount: Int32 { sqlite3_column_count(pointer) }

        /// SQLite's storage class of a column of the current row (SQLITE_INTEGER, …).
        public func storageClass(_ column: Int32) -> Int32 { sqlite3_column_type(pointer, column) }

        public func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(pointer, column) }

        public func real(_ column: Int32) -> Double { sqlite3_column_double(pointer, column) }

        /// A column's text up to its first NUL, as the state file reads its own texts; nil for NULL.
        public func cString(_ column: Int32) -> String? {
            sqlite3_column_text(pointer, column).map { String(cString: $0) }
        }

        /// A column's whole text (UTF-8, embedded NULs kept), nil for NULL.
        public func text(_ column: Int32) -> String? {
            guard let start = sqlite3_column_text(pointer, column) else { return nil }
            let count = Int(sqlite3_column_bytes(pointer, column))
            return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        }

        /// A column's bytes (empty for NULL or an empty blob).
        public func blob(_ column: Int32) -> Data {
            withBlob(column) { Data($0) }
        }

        /// A column's bytes as an array (empty for NULL or an empty blob).
        public func bytes(_ column: Int32) -> [UInt8] {
            withBlob(column) { Array($0) }
        }

        /// A column's bytes in place, valid only during `body` (nothing is copied).
        public func withBlob<T, E: Error>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T) throws(E) -> T {
            let count = Int(sqlite3_column_bytes(pointer, column))
            guard count > 0, let start = sqlite3_column_blob(pointer, column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            return try body(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }
}

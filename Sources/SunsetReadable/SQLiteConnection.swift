import CSQLite
import Foundation

/// The little of SQLite's C interface the readable copies need: one connection (read-only on
/// a source, read-write on a copy), statements prepared once, failures as text.
final class SQLiteConnection {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var handle: OpaquePointer?

    /// Opens a source read-only through an `immutable=1` URI: SQLite then writes nothing at
    /// all, not even a journal or a lock, and never looks for a `-wal` file's changes.
    static func readOnly(_ path: String) throws(Failure) -> SQLiteConnection {
        // Every byte but the unreserved ones and "/" percent-encoded: "?", "#" and "%" in a
        // file name then stay part of the name.
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        let encoded = path.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        let uri = "file:" + encoded + "?immutable=1"
        return try SQLiteConnection(uri, flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
    }

    /// Opens Sunset's own temporary copy of a database the ordinary way, so that SQLite can
    /// read its write-ahead log (which needs a `-shm` file beside it).
    static func privateCopy(_ path: String) throws(Failure) -> SQLiteConnection {
        try SQLiteConnection(path, flags: SQLITE_OPEN_READWRITE)
    }

    /// Opens (creating) a file to write a copy into.
    static func writing(_ path: String) throws(Failure) -> SQLiteConnection {
        try SQLiteConnection(path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
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
    func run(_ sql: String) throws(Failure) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw failure() }
    }

    /// The first column of the first row of a query, as an integer (nil when no row).
    func integer(_ sql: String) throws(Failure) -> Int64? {
        let statement = try prepare(sql)
        guard try statement.step() else { return nil }
        return statement.integer(0)
    }

    func prepare(_ sql: String) throws(Failure) -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw failure() }
        return Statement(pointer: statement, connection: self)
    }

    fileprivate func failure() -> Failure {
        Failure(description: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open")
    }

    /// An identifier quoted for SQL: inside double quotes, quotes doubled (any name works).
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One prepared statement; finalized when released.
    final class Statement {
        private let pointer: OpaquePointer
        private let connection: SQLiteConnection

        fileprivate init(pointer: OpaquePointer, connection: SQLiteConnection) {
            self.pointer = pointer
            self.connection = connection
        }

        deinit { sqlite3_finalize(pointer) }

        /// Steps once: true when a row is there to read, false when done.
        func step() throws(Failure) -> Bool {
            switch sqlite3_step(pointer) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw connection.failure()
            }
        }

        /// Binds these values (nil is NULL), runs the statement, then resets it for the next use.
        func execute(_ values: [Value?]) throws(Failure) {
            defer { sqlite3_reset(pointer); sqlite3_clear_bindings(pointer) }
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                let status: Int32
                switch value {
                case nil: status = sqlite3_bind_null(pointer, position)
                case let .integer(number): status = sqlite3_bind_int64(pointer, position, number)
                case let .real(number): status = sqlite3_bind_double(pointer, position, number)
                case let .text(text): status = sqlite3_bind_text(pointer, position, text, -1, sunset_sqlite_transient())
                }
                guard status == SQLITE_OK else { throw connection.failure() }
            }
            while try step() {}
        }

        /// Binds one value to the parameter at `position` (from 1); nil is NULL. With
        /// `finishRow`, the statement then runs as `execute` does: every parameter must have
        /// been bound for this row, none is cleared.
        func bind(_ position: Int32, _ value: Value?) throws(Failure) {
            let status: Int32
            switch value {
            case nil: status = sqlite3_bind_null(pointer, position)
            case let .integer(number): status = sqlite3_bind_int64(pointer, position, number)
            case let .real(number): status = sqlite3_bind_double(pointer, position, number)
            case let .text(text): status = sqlite3_bind_text(pointer, position, text, -1, sunset_sqlite_transient())
            }
            guard status == SQLITE_OK else { throw connection.failure() }
        }

        /// Binds UTF-8 text given as bytes (SQLite copies them).
        func bind(_ position: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) throws(Failure) {
            let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            guard sqlite3_bind_text(pointer, position, start, Int32(bytes.count), sunset_sqlite_transient()) == SQLITE_OK else {
                throw connection.failure()
            }
        }

        /// Runs the statement with the values bound, then resets it for the next row.
        func finishRow() throws(Failure) {
            defer { sqlite3_reset(pointer) }
            while try step() {}
        }

        /// Binds one text to the first parameter (for a query run once).
        func bind(_ text: String) throws(Failure) {
            guard sqlite3_bind_text(pointer, 1, text, -1, sunset_sqlite_transient()) == SQLITE_OK else { throw connection.failure() }
        }

        var columnCount: Int32 { sqlite3_column_count(pointer) }

        /// SQLite's storage class of a column of the current row (SQLITE_INTEGER, …).
        func storageClass(_ column: Int32) -> Int32 { sqlite3_column_type(pointer, column) }

        func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(pointer, column) }

        func real(_ column: Int32) -> Double { sqlite3_column_double(pointer, column) }

        /// A column's text (UTF-8, embedded NULs kept), nil for NULL.
        func text(_ column: Int32) -> String? {
            guard let start = sqlite3_column_text(pointer, column) else { return nil }
            let count = Int(sqlite3_column_bytes(pointer, column))
            return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        }

        /// A column's bytes (empty for NULL or an empty blob).
        func blob(_ column: Int32) -> Data {
            let count = Int(sqlite3_column_bytes(pointer, column))
            guard count > 0, let start = sqlite3_column_blob(pointer, column) else { return Data() }
            return Data(bytes: start, count: count)
        }
    }

    /// A value to bind.
    enum Value {
        case integer(Int64)
        case real(Double)
        case text(String)
    }
}

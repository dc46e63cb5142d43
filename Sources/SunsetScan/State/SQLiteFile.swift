import CSQLite
import Foundation

/// The little of SQLite's C interface the state file needs: one connection, statements
/// prepared once, errors as text.
final class SQLiteFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var handle: OpaquePointer?

    /// Opens `path` read-only, or read-write (creating it) when `writing`.
    init(path: String, writing: Bool) throws(Failure) {
        let flags = writing ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY
        let status = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
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
        return Statement(pointer: statement, file: self)
    }

    fileprivate func failure() -> Failure {
        Failure(description: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open")
    }

    /// One prepared statement; finalized when released.
    final class Statement {
        private let pointer: OpaquePointer
        private let file: SQLiteFile

        fileprivate init(pointer: OpaquePointer, file: SQLiteFile) {
            self.pointer = pointer
            self.file = file
        }

        deinit { sqlite3_finalize(pointer) }

        /// Steps once: true when a row is there to read, false when done.
        func step() throws(Failure) -> Bool {
            switch sqlite3_step(pointer) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw file.failure()
            }
        }

        /// Runs the statement with these values bound, then resets it for the next use.
        func execute(_ values: [Value]) throws(Failure) {
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                let status: Int32
                switch value {
                case let .integer(number): status = sqlite3_bind_int64(pointer, position, number)
                case let .text(text): status = sqlite3_bind_text(pointer, position, text, -1, sunset_sqlite_transient())
                case let .blob(bytes):
                    status = bytes.withUnsafeBytes { raw in
                        sqlite3_bind_blob(pointer, position, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count),
                                          sunset_sqlite_transient())
                    }
                }
                guard status == SQLITE_OK else { throw file.failure() }
            }
            defer { sqlite3_reset(pointer); sqlite3_clear_bindings(pointer) }
            while try step() {}
        }

        func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(pointer, column) }

        func text(_ column: Int32) -> String? {
            sqlite3_column_text(pointer, column).map { String(cString: $0) }
        }

        /// A column's bytes (empty for NULL or an empty blob).
        func blob(_ column: Int32) -> [UInt8] {
            let count = Int(sqlite3_column_bytes(pointer, column))
            guard count > 0, let start = sqlite3_column_blob(pointer, column) else { return [] }
            return Array(UnsafeRawBufferPointer(start: start, count: count))
        }

        /// A column's bytes in place, valid only during `body` (nothing is copied).
        func withBlob<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws(Listing.Damaged) -> T) throws(Listing.Damaged) -> T {
            let count = Int(sqlite3_column_bytes(pointer, column))
            guard count > 0, let start = sqlite3_column_blob(pointer, column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            return try body(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }

    enum Value {
        case integer(Int64)
        case text(String)
        case blob([UInt8])
    }
}

import Foundation

/// Why a database, a table or a copy could not be read or written.
public enum ReadableError: LocalizedError, Equatable, Sendable {
    /// The file is not (or no longer) a database of the format its reader expects.
    case notADatabase(path: String, reason: String)
    /// A table stopped being readable part way (a damaged page, a broken memo).
    case damaged(table: String, reason: String)
    /// The format is recognised but Sunset does not read it (Paradox).
    case unsupportedFormat(DatabaseFormat)
    /// A copy could not be written.
    case cannotWrite(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .notADatabase(path, reason): return "\(path): not a readable database: \(reason)"
        case let .damaged(table, reason): return "table '\(table)': \(reason)"
        case let .unsupportedFormat(format): return "\(format.displayName) files are saved as bytes; Sunset does not read them yet"
        case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
        }
    }
}

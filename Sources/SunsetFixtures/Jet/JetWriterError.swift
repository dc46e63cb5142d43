import Foundation

/// Why `JetWriter` could not write a table: the fixtures it makes must be exactly what the
/// test asked for, so it refuses rather than bends a value.
public enum JetWriterError: LocalizedError, Equatable {
    /// A row has more or fewer cells than the table has columns.
    case wrongCellCount(table: String, expected: Int, got: Int)
    /// A cell's kind does not fit its column's type, or its value is out of range.
    case valueDoesNotFit(column: String, type: String, value: String)
    /// A row needs more room than a page has.
    case rowTooLong(table: String, bytes: Int)
    /// A table definition needs more than one page (too many columns or too long names).
    case definitionTooLong(table: String)
    /// A table name is empty, repeated, or the file already finished.
    case badTable(String)
    /// The file could not be written.
    case io(String)

    public var errorDescription: String? {
        switch self {
        case let .wrongCellCount(table, expected, got): return "table '\(table)': a row has \(got) cells, expected \(expected)"
        case let .valueDoesNotFit(column, type, value): return "column '\(column)' (\(type)) cannot hold \(value)"
        case let .rowTooLong(table, bytes): return "table '\(table)': a row of \(bytes) bytes does not fit a page"
        case let .definitionTooLong(table): return "table '\(table)': its definition does not fit one page"
        case let .badTable(reason): return reason
        case let .io(reason): return "cannot write the database: \(reason)"
        }
    }
}

import Foundation

/// One table as the copies hold it: its columns, and which of them a copy can hold (bytes
/// and undecodable types are left out of every copy and named in the report).
struct TablePlan {
    let name: String
    let columns: [ColumnInfo]
    /// The positions, in a source row, of the columns the copies hold.
    let kept: [Int]

    init(name: String, columns: [ColumnInfo]) {
        self.name = name
        self.columns = columns
        kept = columns.indices.filter { columns[$0].kind != .binary && columns[$0].kind != .unsupported }
    }

    var keptColumns: [ColumnInfo] { kept.map { columns[$0] } }
}

/// What a copy writer made of one table.
struct TableCopyResult {
    var copies: [ConversionReport.Copy] = []
    var renamed: [ConversionReport.Renaming] = []
    var gaps: [ConversionReport.Gap] = []
}

/// A writer of one kind of copy. Tables come one after another; rows stream through `write`
/// and are never kept. Files are written under temporary names and named by `finish`.
protocol CopyWriter: AnyObject {
    var format: CopyFormat { get }
    /// The one file holding every table (SQLite, workbook); nil for a file per table.
    var databaseFile: String? { get }
    func begin(_ table: TablePlan) throws
    /// One source row (all columns; the writer takes the kept ones).
    func write(_ row: [Cell]) throws
    /// Ends the table, saying what was made of it.
    func end() throws -> TableCopyResult
    /// Closes the copy and moves its files into place.
    func finish() throws
}

/// Counts values a copy could not hold, per column, to report them as gaps.
struct ValueTally {
    private var counts: [String: Int] = [:]

    mutating func add(_ column: String) { counts[column, default: 0] += 1 }

    /// One gap per column: "3 values in column 'Notiz' …".
    func gaps(_ kind: ConversionReport.Gap.Kind, format: CopyFormat, what: String) -> [ConversionReport.Gap] {
        counts.keys.sorted().map { column in
            let count = counts[column]!
            return ConversionReport.Gap(kind, "\(format.displayName): \(count) value\(count == 1 ? "" : "s") in column '\(column)' \(what)")
        }
    }
}

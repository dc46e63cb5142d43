import Foundation
import SunsetSQLite

/// The SQLite copy: one file holding every table under its original name (quoted, so any
/// language, spaces and accents stay; "-2" added only to a name that differs from another's
/// only in case, which SQLite would take for the same table). Integers and booleans (0/1) are INTEGER, reals REAL;
/// decimals are TEXT so that "1234.5600" stays exact (a NUMERIC column would turn it into a
/// binary fraction); dates are ISO 8601 TEXT, as SQLite's own date functions expect. Each
/// table is filled by one prepared insert in one transaction.
final class SQLiteCopy: CopyWriter {
    let format = CopyFormat.sqlite
    let fileName: String
    var databaseFile: String? { fileName }

    private let folder: OutputFolder
    private let temporary: URL
    private var connection: SQLiteDatabase?
    private var insert: SQLiteDatabase.Statement?
    private var table: TablePlan?
    /// SQLite compares table names without case: "Kunden" and "KUNDEN" need two names.
    private var names = SafeNames()
    private var tableName = ""
    /// A date's text, made here without a string.
    private var scratch: [UInt8] = []
    private var rows = 0
    private var leftOut = ValueTally()

    init(folder: OutputFolder, fileName: String) throws {
        self.folder = folder
        self.fileName = fileName
        temporary = try folder.temporary(for: fileName)
        do {
            let connection = try SQLiteDatabase(path: temporary.path, writing: true)
            // The file is renamed into place only when whole: no journal is needed.
            try connection.run("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA encoding = 'UTF-8'")
            self.connection = connection
        } catch {
            throw ReadableError.cannotWrite(path: temporary.path, reason: "\(error)")
        }
    }

    /// The SQL type a column's values are stored as.
    static func sqlType(_ kind: ColumnInfo.Kind) -> String {
        switch kind {
        case .integer, .boolean: return "INTEGER"
        case .real: return "REAL"
        case .text, .decimal, .date, .dateTime, .binary, .unsupported: return "TEXT"
        }
    }

    func begin(_ table: TablePlan) throws {
        guard let connection else { return }
        self.table = table
        rows = 0
        leftOut = ValueTally()
        tableName = names.tableName(for: table.name)
        let name = SQLiteDatabase.quoted(tableName)
        let columns = table.keptColumns
        let definitions = columns.map { SQLiteDatabase.quoted($0.name) + " " + Self.sqlType($0.kind) }
        let placeholders = columns.indices.map { "?\($0 + 1)" }
        do {
            try connection.run("CREATE TABLE \(name) (\(definitions.joined(separator: ", "))); BEGIN")
            insert = try connection.prepare("INSERT INTO \(name) VALUES (\(placeholders.joined(separator: ", ")))")
        } catch {
            throw ReadableError.cannotWrite(path: fileName, reason: "table '\(table.name)': \(error)")
        }
    }

    func write(_ row: [Cell]) throws {
        guard let table, let insert else { return }
        do {
            for (position, index) in table.kept.enumerated() {
                let parameter = Int32(position + 1)
                switch row[index] {
                case .null: try insert.bind(parameter, nil)
                case let .integer(number): try insert.bind(parameter, .integer(number))
                case let .boolean(value): try insert.bind(parameter, .integer(value ? 1 : 0))
                case let .real(number): try insert.bind(parameter, .real(number))
                case .binary:
                    leftOut.add(table.columns[index].name)
                    try insert.bind(parameter, nil)
                case let .text(text), let .decimal(text): try insert.bind(parameter, .text(text))
                case let .date(year, month, day):
                    scratch.removeAll(keepingCapacity: true)
                    ISODate.append(year: year, month: month, day: day, to: &scratch)
                    try scratch.withUnsafeBufferPointer { bytes throws(SQLiteDatabase.Failure) in try insert.bind(parameter, utf8: bytes) }
                case let .dateTime(year, month, day, hour, minute, second):
                    scratch.removeAll(keepingCapacity: true)
                    ISODate.append(year: year, month: month, day: day, hour: hour, minute: minute, second: second, to: &scratch)
                    try scratch.withUnsafeBufferPointer { bytes throws(SQLiteDatabase.Failure) in try insert.bind(parameter, utf8: bytes) }
                }
            }
            try insert.finishRow()
        } catch {
            throw ReadableError.cannotWrite(path: fileName, reason: "table '\(table.name)': \(error)")
        }
        rows += 1
    }

    func end() throws -> TableCopyResult {
        guard let table, let connection else { return TableCopyResult() }
        insert = nil
        do { try connection.run("COMMIT") } catch {
            throw ReadableError.cannotWrite(path: fileName, reason: "table '\(table.name)': \(error)")
        }
        self.table = nil
        var result = TableCopyResult()
        result.copies = [ConversionReport.Copy(format: .sqlite, file: fileName, part: tableName, rowsWritten: rows, rowsReadBack: nil)]
        if tableName != table.name {
            result.renamed = [ConversionReport.Renaming(format: .sqlite, original: table.name, safe: tableName)]
        }
        result.gaps = leftOut.gaps(.leftOutValue, format: .sqlite, what: "held bytes: left NULL")
        return result
    }

    func finish() throws {
        connection = nil   // closes the file
        try folder.place(temporary, as: fileName)
    }
}

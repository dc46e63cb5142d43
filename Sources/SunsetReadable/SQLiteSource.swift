import CSQLite
import Foundation
import SunsetSQLite

/// A SQLite 3 database read as a legacy source: opened read-only and immutable, so reading it
/// writes nothing (no journal, no lock file), its user tables streamed row by row.
public final class SQLiteSource: DatabaseSource {
    public let format = DatabaseFormat.sqlite
    private let connection: SQLiteDatabase
    private let path: String

    /// A private copy of the database and its write-ahead log, when it has one (see `init`).
    private let privateCopy: URL?

    /// Opens the database at `path`; throws `ReadableError.notADatabase` when SQLite cannot.
    /// An immutable open ignores a write-ahead log (`-wal`), whose transactions may not be in
    /// the main file yet; reading the log needs a writable `-shm`. So when a log is there, the
    /// file and its log are copied into a private temporary folder and read from there: all
    /// the data is read, and the original still is not written.
    public init(path: String) throws {
        self.path = path
        let log = path + "-wal"
        let logSize = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        if logSize > 0 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-sqlite-\(UUID().uuidString)")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: path, toPath: folder.appendingPathComponent("db").path)
                try FileManager.default.copyItem(atPath: log, toPath: folder.appendingPathComponent("db-wal").path)
            } catch {
                try? FileManager.default.removeItem(at: folder)
                throw ReadableError.notADatabase(path: path, reason: "cannot copy it with its write-ahead log: \(error.localizedDescription)")
            }
            privateCopy = folder
        } else {
            privateCopy = nil
        }
        do {
            if let privateCopy {
                connection = try SQLiteDatabase.readWrite(privateCopy.appendingPathComponent("db").path)
            } else {
                connection = try SQLiteDatabase.immutable(path)
            }
            // Opening is lazy: reading the schema is what proves the file is a database.
            _ = try connection.integer("SELECT count(*) FROM sqlite_master")
        } catch {
            throw ReadableError.notADatabase(path: path, reason: "\(error)")
        }
    }

    deinit {
        if let privateCopy { try? FileManager.default.removeItem(at: privateCopy) }
    }

    /// The user tables in the order they were created (SQLite's own `sqlite_%` tables, views
    /// and virtual tables left out).
    public func tables() throws -> [TableSource] {
        do {
            let listing = try connection.prepare("""
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY rowid
                """)
            var names: [String] = []
            while try listing.step() { names.append(listing.text(0) ?? "") }
            return try names.map { name throws(SQLiteDatabase.Failure) in
                try SQLiteTable(name: name, connection: connection)
            }
        } catch {
            throw ReadableError.notADatabase(path: path, reason: "\(error)")
        }
    }
}

/// One table of a `SQLiteSource`.
final class SQLiteTable: TableSource {
    let name: String
    let columns: [ColumnInfo]
    private let connection: SQLiteDatabase

    init(name: String, connection: SQLiteDatabase) throws(SQLiteDatabase.Failure) {
        self.name = name
        self.connection = connection
        let info = try connection.prepare("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid")
        var columns: [ColumnInfo] = []
        // pragma_table_info takes the table's name as a bound value: any name is safe.
        try info.bind(name)
        while try info.step() {
            let declared = info.text(1) ?? ""
            columns.append(ColumnInfo(name: info.text(0) ?? "", kind: SQLiteAffinity.kind(declared: declared),
                                      sourceType: declared.isEmpty ? "(none)" : declared))
        }
        self.columns = columns
    }

    /// SQLite counts its rows exactly; the copies are checked against that count.
    var declaredRowCount: Int? {
        let count: Int64?? = try? connection.integer("SELECT count(*) FROM \(SQLiteDatabase.quoted(name))")
        return (count ?? nil).map { Int($0) }
    }

    func forEachRow(_ body: ([Cell]) throws -> Void) throws {
        let statement: SQLiteDatabase.Statement
        do {
            let list = columns.map { SQLiteDatabase.quoted($0.name) }.joined(separator: ", ")
            statement = try connection.prepare("SELECT \(list) FROM \(SQLiteDatabase.quoted(name))")
        } catch {
            throw ReadableError.damaged(table: name, reason: "\(error)")
        }
        var row: [Cell] = []
        row.reserveCapacity(columns.count)
        while true {
            do {
                guard try statement.step() else { return }
            } catch {
                throw ReadableError.damaged(table: name, reason: "\(error)")
            }
            row.removeAll(keepingCapacity: true)
            for (index, column) in columns.enumerated() {
                row.append(cell(statement, Int32(index), kind: column.kind))
            }
            try body(row)
        }
    }

    /// A value as its storage class holds it, read the way its column's kind says.
    private func cell(_ statement: SQLiteDatabase.Statement, _ index: Int32, kind: ColumnInfo.Kind) -> Cell {
        switch statement.storageClass(index) {
        case SQLITE_NULL:
            return .null
        case SQLITE_INTEGER:
            let number = statement.integer(index)
            return kind == .boolean ? .boolean(number != 0) : .integer(number)
        case SQLITE_FLOAT:
            let number = statement.real(index)
            if kind == .decimal, number.isFinite, !"\(number)".contains("e") { return .decimal("\(number)") }
            return .real(number)
        case SQLITE_BLOB:
            return .binary(statement.blob(index))
        default:
            return SQLiteAffinity.cell(text: statement.text(index) ?? "", kind: kind)
        }
    }
}

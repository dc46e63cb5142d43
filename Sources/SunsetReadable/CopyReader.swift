import Foundation
import SunsetSQLite

/// Reads each written copy back, apart from the code that wrote it, and counts its rows.
enum CopyReader {
    /// The records after the header of a CSV copy, and how many had the wrong number of fields.
    static func csvRows(_ url: URL, columns: Int) throws -> (rows: Int, misshapen: Int) {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw CSVParser.Malformed(description: "cannot open \(url.lastPathComponent)")
        }
        defer { try? handle.close() }
        var parser = CSVParser()
        var records = 0, misshapen = 0
        let count = { (fields: Int) in
            records += 1
            // A table with no kept columns writes empty records, which read as one empty field.
            if fields != max(columns, 1) { misshapen += 1 }
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            try chunk.withUnsafeBytes { try parser.count($0, onRecord: count) }
        }
        try parser.finishCount(onRecord: count)
        return (max(records - 1, 0), misshapen)
    }

    /// `count(*)` of each table of a SQLite copy, opened read-only.
    static func sqliteRows(_ url: URL, table: String) throws -> Int {
        let connection = try SQLiteDatabase.immutable(url.path)
        return Int(try connection.integer("SELECT count(*) FROM \(SQLiteDatabase.quoted(table))") ?? 0)
    }
}

import Foundation
import SunsetFixtures
@testable import SunsetReadable
import Testing

/// Reads tables two ways, for comparison: with Sunset's reader and with dbfread (PyPI, run by
/// python3), each value written as the same canonical text.
enum DBFReadBack {
    /// A fresh empty folder for one test's tables.
    static func folder(_ test: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-dbf-\(test)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// What dbfread reads: column names (no `_NullFlags`), live rows as canonical text, and the
    /// number of deleted records.
    struct Result: Equatable {
        var columns: [String]
        var rows: [[String?]]
        var deleted: Int
    }

    static let script = """
    import sys, json, datetime, decimal, dbfread
    table = dbfread.DBF(sys.argv[1], char_decode_errors='strict')
    def canonical(v):
        if v is None: return None
        if isinstance(v, bool): return 'true' if v else 'false'
        if isinstance(v, int): return str(v)
        if isinstance(v, (float, decimal.Decimal)): return repr(float(v))
        if isinstance(v, datetime.datetime):
            return '%04d-%02d-%02d %02d:%02d:%06.3f' % (v.year, v.month, v.day, v.hour, v.minute, v.second + v.microsecond / 1e6)
        if isinstance(v, datetime.date): return '%04d-%02d-%02d' % (v.year, v.month, v.day)
        if isinstance(v, bytes): return v.hex()
        return str(v)
    names = [f.name for f in table.fields if f.type != '0']
    rows = [[canonical(r[n]) for n in names] for r in table]
    print(json.dumps({'columns': names, 'rows': rows, 'deleted': len(list(table.deleted))}))
    """

    /// The table at `url` as dbfread reads it.
    static func dbfread(_ url: URL) throws -> Result {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, url.path]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "dbfread could not read \(url.lastPathComponent) (is it installed?)")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = (object["rows"] as? [[Any]] ?? []).map { $0.map { $0 as? String } }
        return Result(columns: object["columns"] as? [String] ?? [], rows: rows, deleted: object["deleted"] as? Int ?? -1)
    }

    /// The table at `url` as Sunset reads it, in the same canonical text.
    static func sunset(_ url: URL) throws -> (result: Result, table: DBFTable, cells: [[Cell]]) {
        let table = try DBFSource(url: url).table
        var cells: [[Cell]] = []
        try table.forEachRow { cells.append($0) }
        let result = Result(columns: table.columns.map(\.name), rows: cells.map { $0.map(canonical) },
                            deleted: table.deletedRowCount)
        return (result, table, cells)
    }

    /// A cell as dbfread's values are written above.
    static func canonical(_ cell: Cell) -> String? {
        switch cell {
        case .null: return nil
        case let .text(text): return text
        case let .integer(value): return String(value)
        case let .real(value): return "\(value)"
        case let .decimal(text): return Double(text).map { "\($0)" } ?? "not a number: \(text)"
        case let .boolean(flag): return flag ? "true" : "false"
        case let .date(year, month, day): return String(format: "%04d-%02d-%02d", year, month, day)
        case let .dateTime(year, month, day, hour, minute, second):
            return String(format: "%04d-%02d-%02d %02d:%02d:%06.3f", year, month, day, hour, minute, second)
        case let .binary(data): return data.map { String(format: "%02x", $0) }.joined()
        }
    }
}

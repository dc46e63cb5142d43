import Foundation
import SunsetReadable

extension JetWriter {
    /// A whole table held in memory, for small fixtures.
    public struct Table: Sendable {
        public var name: String
        public var columns: [JetColumn]
        public var rows: [[Cell]]

        public init(name: String, columns: [JetColumn], rows: [[Cell]]) {
            self.name = name
            self.columns = columns
            self.rows = rows
        }
    }

    /// Writes `tables` as a Jet 4 database at `url`.
    public static func write(_ tables: [Table], to url: URL) throws {
        let writer = try JetWriter(url: url)
        for table in tables {
            try writer.addTable(table.name, columns: table.columns, rows: table.rows)
        }
        try writer.finish()
    }

    /// The bytes of a Jet 4 database holding `tables`.
    public static func data(_ tables: [Table]) throws -> Data {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sunset-jet-\(UUID().uuidString).mdb")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(tables, to: url)
        return try Data(contentsOf: url)
    }
}

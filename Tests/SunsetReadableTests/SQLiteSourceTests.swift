import Foundation
import SunsetFixtures
import Testing
@testable import SunsetReadable

/// SQLite read as a legacy source: tables, kinds from declared types, typed cells, and not a
/// byte written.
@Suite struct SQLiteSourceTests {
    static let sql = """
        CREATE TABLE "Kunden Übersicht" (id INTEGER PRIMARY KEY, Name TEXT, Umsatz DECIMAL(10,2), Anteil REAL,
          Geboren DATE, Angelegt DATETIME, Aktiv BOOLEAN, Foto BLOB, Rest);
        INSERT INTO "Kunden Übersicht" VALUES (1, 'Zoë', '1234.56', 0.25, '1970-03-14', '2026-11-28 14:05:00', 1, X'00FF', 7);
        INSERT INTO "Kunden Übersicht" (id) VALUES (2);
        CREATE TABLE later (x TEXT);
        CREATE INDEX later_x ON later (x);
        """

    @Test func tablesColumnsAndCells() throws {
        let (folder, path) = try sqliteDatabase("source-cells", sql: Self.sql)
        defer { folder.remove() }
        let tables = try SQLiteSource(path: path).tables()
        #expect(tables.map(\.name) == ["Kunden Übersicht", "later"])
        let kunden = tables[0]
        #expect(kunden.columns.map(\.kind) == [.integer, .text, .decimal, .real, .date, .dateTime, .boolean, .binary, .text])
        #expect(kunden.columns[2].sourceType == "DECIMAL(10,2)")
        #expect(kunden.columns[8].sourceType == "(none)")
        #expect(kunden.declaredRowCount == 2)
        var rows: [[Cell]] = []
        try kunden.forEachRow { rows.append($0) }
        #expect(rows.count == 2)
        #expect(rows[0] == [.integer(1), .text("Zoë"), .decimal("1234.56"), .real(0.25), .date(year: 1970, month: 3, day: 14),
                            .dateTime(year: 2026, month: 11, day: 28, hour: 14, minute: 5, second: 0), .boolean(true),
                            .binary(Data([0, 255])), .integer(7)])
        #expect(rows[1] == [.integer(2)] + Array(repeating: Cell.null, count: 8))
    }

    @Test func affinityFollowsSQLitesRules() {
        #expect(SQLiteAffinity.kind(declared: "VARCHAR(40)") == .text)
        #expect(SQLiteAffinity.kind(declared: "BIGINT") == .integer)
        #expect(SQLiteAffinity.kind(declared: "DOUBLE PRECISION") == .real)
        #expect(SQLiteAffinity.kind(declared: "NUMERIC") == .decimal)
        #expect(SQLiteAffinity.kind(declared: "TIMESTAMP") == .dateTime)
        #expect(SQLiteAffinity.kind(declared: "blob") == .binary)
    }

    @Test func readingWritesNothing() throws {
        let (folder, path) = try sqliteDatabase("source-untouched", sql: Self.sql)
        defer { folder.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let source = try SQLiteSource(path: path)
        for table in try source.tables() { try table.forEachRow { _ in } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path) == ["source-untouched.sqlite"])
    }

    @Test func notADatabaseIsSaid() throws {
        let folder = try VolumeBuilder.temporary("not-sqlite")
        defer { folder.remove() }
        let file = try folder.file("readme.txt", text: String(repeating: "just text, not a database at all\n", count: 40))
        #expect(throws: ReadableError.self) { try SQLiteSource(path: file.path) }
    }
}

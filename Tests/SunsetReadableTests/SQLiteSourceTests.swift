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

    /// Transactions still in the write-ahead log are read, and the original files stay as they were.
    @Test func aWriteAheadLogIsRead() throws {
        let folder = try VolumeBuilder.temporary("source-wal")
        defer { folder.remove() }
        let path = folder.url("wal.sqlite").path
        // The copy is taken while the writer is still open: its rows are only in the log.
        _ = try tool(["python3", "-c", """
            import shutil, sqlite3, sys
            db = sqlite3.connect(sys.argv[1] + '.live')
            db.execute('PRAGMA journal_mode=WAL')
            db.execute('PRAGMA wal_autocheckpoint=0')
            db.execute('CREATE TABLE t (x INTEGER)')
            db.executemany('INSERT INTO t VALUES (?)', [(i,) for i in range(5)])
            db.commit()
            shutil.copy(sys.argv[1] + '.live', sys.argv[1])
            shutil.copy(sys.argv[1] + '.live-wal', sys.argv[1] + '-wal')
            """, path])
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.root.path).sorted()
        let log = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        let tables = try SQLiteSource(path: path).tables()
        #expect(tables.map(\.name) == ["t"])
        var count = 0
        try tables.first?.forEachRow { _ in count += 1 }
        #expect(count == 5)
        #expect(tables.first?.declaredRowCount == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path).sorted() == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "-wal")) == log)
    }

    @Test func notADatabaseIsSaid() throws {
        let folder = try VolumeBuilder.temporary("not-sqlite")
        defer { folder.remove() }
        let file = try folder.file("readme.txt", text: String(repeating: "just text, not a database at all\n", count: 40))
        #expect(throws: ReadableError.self) { try SQLiteSource(path: file.path) }
    }
}

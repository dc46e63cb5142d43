import Foundation
import SunsetFixtures
import Testing
@testable import SunsetReadable

/// A real SQLite database converted into all three copies, each proven by another program:
/// Python's csv module, the sqlite3 shell and openpyxl.
@Suite struct ConversionTests {
    static let tricky = "Komma, \"Zitat\" und\r\nZeilenumbruch"
    static let sql = """
        CREATE TABLE "Kunden Übersicht" (id INTEGER PRIMARY KEY, Name TEXT, "Straße" VARCHAR(40), Umsatz DECIMAL(10,2),
          Anteil REAL, Geboren DATE, Angelegt DATETIME, Aktiv BOOLEAN, Foto BLOB, Notiz TEXT);
        INSERT INTO "Kunden Übersicht" VALUES (1, 'Müller & Söhne', 'Hauptstraße 5', '1234.56', 0.25, '1970-03-14',
          '2026-11-28 14:05:00', 1, X'00FF', 'Komma, "Zitat" und' || char(13, 10) || 'Zeilenumbruch');
        INSERT INTO "Kunden Übersicht" VALUES (2, 'Zoë Çelik', 'Rue de l''Église', NULL, NULL, NULL, NULL, 0, NULL, '');
        INSERT INTO "Kunden Übersicht" (id) VALUES (3);
        CREATE TABLE "orders 2026" (no INTEGER, amount NUMERIC, note TEXT);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250)
          INSERT INTO "orders 2026" SELECT i, i * 1.5, 'Bestellung ' || i FROM n;
        CREATE TABLE "Jahresabschluss Kontenübersicht 2026" (konto INTEGER, saldo REAL);
        INSERT INTO "Jahresabschluss Kontenübersicht 2026" VALUES (4711, -12.5);
        CREATE TABLE "a/b" (x TEXT);
        INSERT INTO "a/b" VALUES ('eins'), ('zwei');
        CREATE TABLE leer (x INTEGER);
        """

    struct Converted {
        let database: VolumeBuilder
        let output: URL
        let report: ConversionReport
    }

    static func convert(_ name: String, sql: String = sql, sheetRowLimit: Int = 1_048_576) throws -> Converted {
        let (database, path) = try sqliteDatabase(name, sql: sql)
        let output = database.url("copies")
        let report = try Conversion.convert(try SQLiteSource(path: path), sourcePath: path, to: output,
                                            formats: Set(CopyFormat.allCases), sheetRowLimit: sheetRowLimit)
        return Converted(database: database, output: output, report: report)
    }

    @Test func everyCopyHoldsEveryRow() throws {
        let converted = try Self.convert("convert-all")
        defer { converted.database.remove() }
        let report = converted.report
        #expect(report.gaps.isEmpty)
        #expect(report.tables.allSatisfy { $0.gaps.isEmpty })
        #expect(report.isComplete)
        let rows = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.name, $0.rowsRead) })
        #expect(rows == ["Kunden Übersicht": 3, "orders 2026": 250, "Jahresabschluss Kontenübersicht 2026": 1, "a/b": 2, "leer": 0])
        for table in report.tables {
            #expect(table.declaredRows == table.rowsRead)
            #expect(table.copies.map(\.format) == [.csv, .sqlite, .workbook], "\(table.name)")
            for copy in table.copies { #expect(copy.rowsReadBack == table.rowsRead, "\(table.name) \(copy.format)") }
        }
        let kunden = try #require(report.tables.first { $0.name == "Kunden Übersicht" })
        #expect(kunden.leftOutColumns == ["Foto"])
        #expect(report.files == ["Jahresabschluss Kontenübersicht 2026.csv", "Kunden Übersicht.csv", "a_b.csv",
                                 "convert-all.sqlite", "convert-all.xlsx", "leer.csv", "orders 2026.csv"])
        let slash = try #require(report.tables.first { $0.name == "a/b" })
        #expect(slash.renamed.contains(.init(format: .csv, original: "a/b", safe: "a_b.csv")))
        let long = try #require(report.tables.first { $0.name.hasPrefix("Jahresabschluss") })
        #expect(long.renamed == [.init(format: .workbook, original: long.name, safe: "Jahresabschluss Kontenübersicht")])
        #expect(report.markdown().contains("Complete: every row"))
    }

    @Test func pythonsCSVModuleReadsTheCopy() throws {
        let converted = try Self.convert("convert-csv")
        defer { converted.database.remove() }
        let file = converted.output.appendingPathComponent("Kunden Übersicht.csv")
        let bytes = try Data(contentsOf: file)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                rows = list(csv.reader(f))
            print(json.dumps(rows))
            """
        let output = try tool(["python3", "-c", script, file.path])
        let rows = try JSONDecoder().decode([[String]].self, from: Data(output.utf8))
        #expect(rows.count == 4)
        #expect(rows[0] == ["id", "Name", "Straße", "Umsatz", "Anteil", "Geboren", "Angelegt", "Aktiv", "Notiz"])
        #expect(rows[1] == ["1", "Müller & Söhne", "Hauptstraße 5", "1234.56", "0.25", "1970-03-14", "2026-11-28T14:05:00",
                            "true", Self.tricky])
        #expect(rows[2] == ["2", "Zoë Çelik", "Rue de l'Église", "", "", "", "", "false", ""])
        #expect(rows[3] == ["3", "", "", "", "", "", "", "", ""])
        let orders = try tool(["python3", "-c", "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig'))))",
                               converted.output.appendingPathComponent("orders 2026.csv").path])
        #expect(orders.trimmingCharacters(in: .whitespacesAndNewlines) == "251")
    }

    @Test func theSQLiteShellReadsTheCopy() throws {
        let converted = try Self.convert("convert-sqlite")
        defer { converted.database.remove() }
        let file = converted.output.appendingPathComponent("convert-sqlite.sqlite").path
        let query = """
            SELECT count(*) FROM "Kunden Übersicht";
            SELECT count(*) FROM "orders 2026";
            SELECT "Straße", typeof(Umsatz), Umsatz, Geboren, Angelegt, Aktiv FROM "Kunden Übersicht" WHERE id = 1;
            SELECT typeof(Umsatz), quote(Notiz) FROM "Kunden Übersicht" WHERE id = 2;
            SELECT group_concat(name, ',') FROM pragma_table_info('Kunden Übersicht');
            """
        let lines = try tool(["sqlite3", "-readonly", file], stdin: query).split(separator: "\n").map(String.init)
        #expect(lines == ["3", "250", "Hauptstraße 5|text|1234.56|1970-03-14|2026-11-28T14:05:00|1", "null|''",
                          "id,Name,Straße,Umsatz,Anteil,Geboren,Angelegt,Aktiv,Notiz"])
    }

    @Test func openpyxlReadsTheWorkbook() throws {
        let converted = try Self.convert("convert-xlsx")
        defer { converted.database.remove() }
        let script = """
            import json, sys, datetime, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            kunden = book['Kunden Übersicht']
            print(json.dumps({
              'sheets': book.sheetnames,
              'frozen': [book[name].freeze_panes for name in book.sheetnames],
              'rows': {name: book[name].max_row for name in book.sheetnames},
              'header': [c.value for c in kunden[1]],
              'name': kunden['B2'].value,
              'street': kunden['C3'].value,
              'dateIsDate': isinstance(kunden['F2'].value, datetime.datetime),
              'date': kunden['F2'].value.isoformat(),
              'stamp': kunden['G2'].value.isoformat(),
              'number': kunden['D2'].value,
              'flag': kunden['H2'].value,
              'note': kunden['I2'].value,
            }))
            """
        let output = try tool(["python3", "-c", script, converted.output.appendingPathComponent("convert-xlsx.xlsx").path])
        let seen = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
        #expect(seen["sheets"] as? [String] == ["Kunden Übersicht", "orders 2026", "Jahresabschluss Kontenübersicht", "a_b", "leer"])
        #expect(seen["frozen"] as? [String] == Array(repeating: "A2", count: 5))
        #expect(seen["rows"] as? [String: Int] == ["Kunden Übersicht": 4, "orders 2026": 251, "Jahresabschluss Kontenübersicht": 2,
                                                    "a_b": 3, "leer": 1])
        #expect(seen["header"] as? [String] == ["id", "Name", "Straße", "Umsatz", "Anteil", "Geboren", "Angelegt", "Aktiv", "Notiz"])
        #expect(seen["name"] as? String == "Müller & Söhne")
        #expect(seen["street"] as? String == "Rue de l'Église")
        #expect(seen["dateIsDate"] as? Bool == true)
        #expect(seen["date"] as? String == "1970-03-14T00:00:00")
        #expect(seen["stamp"] as? String == "2026-11-28T14:05:00")
        #expect(seen["number"] as? Double == 1234.56)
        #expect(seen["flag"] as? Bool == true)
        // A line break in a cell is LF, as Excel writes it (CR would be stored as "_x000D_").
        #expect(seen["note"] as? String == Self.tricky.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func aTablePastTheRowLimitGoesOnInAnotherSheet() throws {
        let converted = try Self.convert("convert-split", sheetRowLimit: 101)
        defer { converted.database.remove() }
        let orders = try #require(converted.report.tables.first { $0.name == "orders 2026" })
        let sheets = orders.copies.filter { $0.format == .workbook }
        #expect(sheets.map(\.part) == ["orders 2026", "orders 2026 (2)", "orders 2026 (3)"])
        #expect(sheets.map(\.rowsReadBack) == [100, 100, 50])
        #expect(orders.gaps.isEmpty)
        #expect(converted.report.markdown().contains("orders 2026 (3) (50 rows)"))
    }

    @Test func aLongTextIsCutInTheWorkbookAndSaidSo() throws {
        let converted = try Self.convert("convert-cut", sql: """
            CREATE TABLE notes (body TEXT);
            INSERT INTO notes VALUES (printf('%.40000c', 'x')), ('kurz');
            """)
        defer { converted.database.remove() }
        let notes = try #require(converted.report.tables.first)
        #expect(notes.gaps.map(\.kind) == [.cutValue])
        #expect(notes.gaps.first?.detail.contains("'body'") == true)
        #expect(notes.copies.allSatisfy { $0.rowsReadBack == 2 })
        let csv = try String(contentsOf: converted.output.appendingPathComponent("notes.csv"), encoding: .utf8)
        #expect(csv.contains(String(repeating: "x", count: 40000)))
    }
}

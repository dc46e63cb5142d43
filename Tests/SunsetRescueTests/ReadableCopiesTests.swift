import Foundation
import SunsetCore
import SunsetFixtures
import SunsetReadable
import Testing

/// `rescue` leaves, beside every database it saves, readable copies (a CSV per table, a
/// SQLite file, a workbook), proven by reading each back; lists them in `sunset-index.md` and
/// `sunset-index.json`; converts nothing twice; and turns damage into a gap and exit 1.
/// Checked with independent readers: Python's csv module and openpyxl, the sqlite3 shell,
/// and the Library of Congress's bagit validator.
@Suite struct ReadableCopiesTests {
    static let company = "Users/marie/Documents/Invoice2go/Boulangerie Dupont"
    static let longNote = String(repeating: "Livraison du pain de seigle à 6 h, côté cour. ", count: 60)

    /// Two tables with the kinds a small business's database holds: accents, a memo longer
    /// than a text field, integers, currency, dates and nulls, a name with spaces and one
    /// with non-ASCII letters.
    static let tables = [
        JetWriter.Table(name: "Kunden Übersicht", columns: [
            JetColumn("Nummer", .int32), JetColumn("Name", .text(maxLength: 80)), JetColumn("Saldo", .currency),
            JetColumn("Letzte Rechnung", .dateTime), JetColumn("Bemerkung", .memo),
        ], rows: (1...250).map { number -> [Cell] in
            [.integer(Int64(number)), .text("Müller & Söhne Nr. \(number)"), .decimal("\(number).25"),
             number % 7 == 0 ? .null : .date(year: 2026, month: 11, day: 1 + number % 28),
             number == 1 ? .text(longNote) : (number % 3 == 0 ? .null : .text("Crème brûlée \(number)"))]
        }),
        JetWriter.Table(name: "Liste des produits", columns: [JetColumn("Article", .text(maxLength: 50)), JetColumn("Prix", .currency)],
                        rows: [[.text("Baguette"), .decimal("1.10")], [.text("Pain de campagne"), .decimal("3.40")],
                               [.text("Éclair café"), .null]]),
    ]

    /// The sample volume with a real two-table database in Boulangerie Dupont's folder.
    static func volume(_ name: String, tables: [JetWriter.Table] = tables) throws -> VolumeBuilder {
        let volume = try sampleVolume(name)
        try volume.file("\(company)/ventes.mdb", JetWriter.data(tables), modified: fixedNow.addingTimeInterval(-86_400))
        return volume
    }

    static func bag(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sunset-readable-\(name)-\(UUID().uuidString)").path
    }

    static func index(_ bag: String) throws -> ReadableIndex {
        try #require(ReadableIndex.decode(Data(contentsOf: URL(fileURLWithPath: bag + "/" + ReadableIndex.fileName))))
    }

    static func python(_ script: String, _ arguments: [String]) throws -> CommandRunner.Result {
        let env = CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env"))
        return try env.run(["python3", "-c", script] + arguments)
    }

    @Test func everyDatabaseGetsProvenCopiesBesideItThatOtherToolsRead() throws {
        let volume = try Self.volume(#function)
        let bag = Self.bag("copies")
        defer { volume.remove(); try? FileManager.default.removeItem(atPath: bag) }
        let result = try rescue([volume.root.path], to: bag)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("readable copies (CSV, SQLite, workbook) of 4"), "\(result.stdout)")
        #expect(try bagitPy(bag).status == 0)

        let folder = "\(bag)/data/\(Self.company)/ventes.mdb.readable"
        let made = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(made == ["Kunden Übersicht.csv", "Liste des produits.csv", "ventes.sqlite", "ventes.xlsx"])

        // The sqlite3 shell counts every row, and the memo text is whole.
        let sqlite = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env")).run(
            ["sqlite3", "\(folder)/ventes.sqlite",
             "SELECT count(*) FROM \"Kunden Übersicht\"; SELECT count(*) FROM \"Liste des produits\"; "
             + "SELECT Bemerkung FROM \"Kunden Übersicht\" WHERE Nummer = 1;"])
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        #expect(sqlite.stdout == "250\n3\n\(Self.longNote)\n")

        // openpyxl: a sheet per table, header row plus every row, accents and memo intact.
        let workbook = try Self.python("""
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1], read_only=True)
            for sheet in book.worksheets:
                rows = list(sheet.iter_rows(values_only=True))
                print(sheet.title, len(rows) - 1, rows[0][1], rows[1][1], len(rows[1][4] or '') if len(rows[1]) > 4 else '')
            """, ["\(folder)/ventes.xlsx"])
        #expect(workbook.status == 0, "\(workbook.stderr)")
        #expect(workbook.stdout == "Kunden Übersicht 250 Name Müller & Söhne Nr. 1 \(Self.longNote.count)\n"
                                  + "Liste des produits 3 Prix 1.1 \n", "\(workbook.stdout)")

        // Python's csv module: a header and every row, UTF-8.
        let csv = try Self.python("""
            import csv, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:  # the BOM tells Excel it is UTF-8
                rows = list(csv.reader(f))
            print(len(rows) - 1, rows[0][0], rows[1][1], rows[7][3] == '')
            """, ["\(folder)/Kunden Übersicht.csv"])
        #expect(csv.stdout == "250 Nummer Müller & Söhne Nr. 1 True\n", "\(csv.stdout)\(csv.stderr)")

        // The JSON index, beside the Markdown one.
        let index = try Self.index(bag)
        let ventes = try #require(index.databases.first { $0.payload.hasSuffix("/ventes.mdb") })
        #expect(ventes.format == "jet4" && ventes.status == .converted && ventes.complete)
        #expect(ventes.companies == ["Boulangerie Dupont"])
        #expect(ventes.modified == Int64(fixedNow.timeIntervalSince1970) - 86_400)
        #expect(ventes.tables.map(\.name) == ["Kunden Übersicht", "Liste des produits"])
        #expect(ventes.tables.map(\.rows) == [250, 3])
        #expect(ventes.tables[0].columns == ["Nummer", "Name", "Saldo", "Letzte Rechnung", "Bemerkung"])
        #expect(ventes.tables[0].copies.map(\.format) == ["csv", "sqlite", "workbook"])
        #expect(ventes.tables[0].copies.allSatisfy { $0.rowsReadBack == 250 })
        // The other companies' (one-table) databases are converted too.
        #expect(index.databases.filter { $0.status == .converted }.count == 4)
        let markdown = try String(contentsOfFile: bag + "/sunset-index.md", encoding: .utf8)
        #expect(markdown.contains("## Databases and their readable copies"))
        #expect(markdown.contains("Table `Kunden Übersicht`: 250 rows"))
        #expect(markdown.contains("`ventes.xlsx` sheet `Kunden Übersicht` (250 read back)"))
        // The readable copies are payload like any other file: in both manifests.
        let manifest = try String(contentsOfFile: bag + "/manifest-sha512.txt", encoding: .utf8)
        #expect(manifest.contains("ventes.mdb.readable/ventes.sqlite"))
    }

    @Test func aResumedRescueConvertsNothingTwiceButRedoesAChangedDatabase() throws {
        let volume = try Self.volume(#function)
        let bag = Self.bag("resume")
        defer { volume.remove(); try? FileManager.default.removeItem(atPath: bag) }
        #expect(try rescue([volume.root.path], to: bag).status == 0)
        let sqlite = "\(bag)/data/\(Self.company)/ventes.mdb.readable/ventes.sqlite"
        let before = try FileManager.default.attributesOfItem(atPath: sqlite)[.modificationDate] as? Date

        let again = try rescue([volume.root.path], to: bag)
        #expect(again.status == 0)
        #expect(again.stdout.contains("(0 converted now, 4 by an earlier run)"), "\(again.stdout)")
        #expect(try FileManager.default.attributesOfItem(atPath: sqlite)[.modificationDate] as? Date == before)

        // The database changes: one more product. Only it is converted again.
        var tables = Self.tables
        tables[1].rows.append([.text("Chouquette"), .decimal("0.30")])
        try volume.file("\(Self.company)/ventes.mdb", JetWriter.data(tables), modified: fixedNow)
        let third = try rescue([volume.root.path], to: bag)
        #expect(third.status == 0)
        #expect(third.stdout.contains("(1 converted now, 3 by an earlier run)"), "\(third.stdout)")
        let ventes = try #require(try Self.index(bag).databases.first { $0.payload.hasSuffix("/ventes.mdb") })
        #expect(ventes.tables.map(\.rows) == [250, 4])
        #expect(try bagitPy(bag).status == 0)
    }

    @Test func aDamagedPageIsAGapTheOtherTablesAreStillCopiedAndTheExitIsOne() throws {
        var bytes = try JetWriter.data(Self.tables)
        // The first table's second data page loses its type byte, as a bad sector would do.
        let pages = bytes.count / 4096
        let definition = try #require((3..<pages).first { bytes[$0 * 4096] == 0x02 })
        let owner = withUnsafeBytes(of: UInt32(definition).littleEndian, Array.init)
        let owned = (0..<pages).filter { bytes[$0 * 4096] == 0x01 && bytes[$0 * 4096 + 4 ..< $0 * 4096 + 8].elementsEqual(owner) }
        try #require(owned.count >= 2)
        bytes[owned[1] * 4096] ^= 0xFF
        let volume = try sampleVolume(#function)
        try volume.file("\(Self.company)/ventes.mdb", bytes)
        let bag = Self.bag("damaged")
        defer { volume.remove(); try? FileManager.default.removeItem(atPath: bag) }

        let result = try rescue([volume.root.path], to: bag)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("gap: data/\(Self.company)/ventes.mdb, table 'Kunden Übersicht': reading stopped after"),
                "\(result.stdout)")
        // The original is saved whole and the bag is valid all the same.
        #expect(try bagitPy(bag).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(bag)/data/\(Self.company)/ventes.mdb")) == bytes)
        let ventes = try #require(try Self.index(bag).databases.first { $0.payload.hasSuffix("/ventes.mdb") })
        #expect(!ventes.complete)
        #expect(!ventes.tables[0].complete && ventes.tables[0].rows < 250)
        #expect(ventes.tables[1].complete && ventes.tables[1].rows == 3)
        let markdown = try String(contentsOfFile: bag + "/sunset-index.md", encoding: .utf8)
        #expect(markdown.contains("NOT complete, see the gaps below."))
        #expect(markdown.contains("- Gap: reading stopped after"))
    }

    /// The readers run in a child process: one that dies (here made to, by the child-only
    /// test hook) costs its database's copies, listed with the signal, and nothing else.
    @Test func aReaderThatCrashesCostsOnlyItsDatabasesCopies() throws {
        let volume = try Self.volume(#function)
        let bag = Self.bag("crash")
        defer { volume.remove(); try? FileManager.default.removeItem(atPath: bag) }
        let result = try sunset().run(["rescue", volume.root.path, "--to", bag, "--as-of", fixedAsOf],
                                      environment: ["SUNSET_CONVERT_CHILD_TEST_HOOK": "segv"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("NOT converted: data/\(Self.company)/ventes.mdb:"), "\(result.stdout)")
        #expect(result.stdout.contains("SIGSEGV"), "\(result.stdout)")
        #expect(result.stdout.contains("saved whole: \(SampleVolume.companies.sorted().joined(separator: ", "))"))
        #expect(try bagitPy(bag).status == 0)
        let index = try Self.index(bag)
        #expect(index.databases.count == 4 && index.databases.allSatisfy { $0.status == .failed && !$0.complete })
        // Run again without the hook: the failures are tried again and the copies made.
        let again = try rescue([volume.root.path], to: bag)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(try Self.index(bag).databases.allSatisfy { $0.status == .converted && $0.complete })
    }

    @Test func paradoxIsSavedAndListedAsNotReadAndNoReadableSkipsTheCopies() throws {
        let volume = try Self.volume(#function)
        var paradox = [UInt8](repeating: 0, count: 4096)
        paradox[0] = 40; paradox[3] = 0x08; paradox[4] = 2; paradox[5] = 2; paradox[0x39] = 12
        try volume.file("\(Self.company)/CLIENTS.DB", Data(paradox))
        let bag = Self.bag("paradox"), bytesOnly = Self.bag("bytes-only")
        defer { volume.remove(); try? FileManager.default.removeItem(atPath: bag); try? FileManager.default.removeItem(atPath: bytesOnly) }

        let result = try rescue([volume.root.path], to: bag)
        #expect(result.status == 0, "a format Sunset does not read is no failure: \(result.stdout)")
        #expect(result.stdout.contains("not read: data/\(Self.company)/CLIENTS.DB: Sunset does not read Paradox tables yet"))
        let paradoxEntry = try #require(try Self.index(bag).databases.first { $0.payload.hasSuffix("/CLIENTS.DB") })
        #expect(paradoxEntry.status == .notRead && paradoxEntry.format == "paradox" && paradoxEntry.folder == nil)
        #expect(FileManager.default.fileExists(atPath: "\(bag)/data/\(Self.company)/CLIENTS.DB"))

        let plain = try rescue([volume.root.path], to: bytesOnly, ["--no-readable"])
        #expect(plain.status == 0)
        let listing = FileManager.default.enumerator(atPath: bytesOnly + "/data")?.allObjects as? [String] ?? []
        #expect(!listing.contains { $0.contains(".readable") })
        let index = try Self.index(bytesOnly)
        #expect(index.databases.count == 5 && index.databases.allSatisfy { $0.status == .notRead })
        #expect(try bagitPy(bytesOnly).status == 0)
    }
}

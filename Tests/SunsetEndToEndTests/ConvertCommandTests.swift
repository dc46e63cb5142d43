import Foundation
import SunsetFixtures
import SunsetReadable
import Testing

/// `sunset convert` through the real binary: a database file, or every database under a
/// folder (told by content), into CSV, SQLite and a workbook, with its exit codes.
@Suite struct ConvertCommandTests {
    func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-convert-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A small Access (Jet 4) file, a dBase III table and a SQLite file under one folder, by
    /// names that say nothing of their format.
    func databases(in source: URL) throws {
        try FileManager.default.createDirectory(at: source.appendingPathComponent("Compta"), withIntermediateDirectories: true)
        try JetWriter.write([JetWriter.Table(name: "Kunden Übersicht", columns: [JetColumn("Name", .text(maxLength: 50)), JetColumn("Nummer", .int32)],
                                             rows: [[.text("Müller & Söhne"), .integer(1)], [.text("Crème brûlée"), .integer(2)]])],
                            to: source.appendingPathComponent("Compta/firma.dat"))
        let dbf = DBFWriter(.dBase3, fields: [DBFWriter.Field("ARTIKEL", .character(20)), DBFWriter.Field("PREIS", .numeric(8, 2))],
                            records: [DBFWriter.Record([.text("Schraube"), .number(0.25)]),
                                      DBFWriter.Record([.text("Mutter"), .number(0.10)]),
                                      DBFWriter.Record([.text("gelöscht"), .number(1)], deleted: true)])
        _ = try dbf.write(to: source.appendingPathComponent("Compta"), name: "ARTIKEL")
        let sqlite = source.appendingPathComponent("notes")
        let shell = try runTool(["sqlite3", sqlite.path, "CREATE TABLE \"liste clients\" (nom TEXT, ville TEXT); INSERT INTO \"liste clients\" VALUES ('Dupont', 'Lyon'), ('Martin', 'Genève');"])
        try #require(shell.status == 0, "sqlite3 is needed (apt-get install sqlite3): \(shell.stderr)")
        try Data("not a database\n".utf8).write(to: source.appendingPathComponent("readme.dbf"))
    }

    func runTool(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env")).run(arguments)
    }

    @Test func aFolderOfDatabasesBecomesAFolderOfCheckedCopies() throws {
        let source = try folder("source"), output = try folder("output")
        defer { try? FileManager.default.removeItem(at: source); try? FileManager.default.removeItem(at: output) }
        try databases(in: source)
        let before = try Data(contentsOf: source.appendingPathComponent("Compta/firma.dat"))
        let result = try sunset().run(["convert", source.path, "--to", output.appendingPathComponent("copies").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let copies = output.appendingPathComponent("copies")
        let made = Set((FileManager.default.enumerator(atPath: copies.path)?.allObjects as? [String]) ?? [])
        for file in ["Compta/firma.dat/Kunden Übersicht.csv", "Compta/firma.dat/firma.sqlite", "Compta/firma.dat/firma.xlsx",
                     "Compta/ARTIKEL.dbf/ARTIKEL.csv", "notes/liste clients.csv", "notes/notes.xlsx"] {
            #expect(made.contains(file), "\(file) not in \(made.sorted())")
        }
        // The not-a-database named .dbf is no database: it is not converted, and not an error.
        #expect(!made.contains { $0.hasPrefix("readme") })
        let csv = try String(contentsOf: copies.appendingPathComponent("Compta/ARTIKEL.dbf/ARTIKEL.csv"), encoding: .utf8)
        #expect(csv.contains("Schraube") && csv.contains("Mutter") && !csv.contains("gelöscht"), "\(csv)")
        let count = try runTool(["sqlite3", copies.appendingPathComponent("Compta/firma.dat/firma.sqlite").path,
                                 "SELECT count(*) FROM \"Kunden Übersicht\";"])
        #expect(count.stdout == "2\n")
        #expect(result.stdout.contains("Kunden Übersicht") && result.stdout.contains("liste clients"))
        // The source is only read.
        #expect(try Data(contentsOf: source.appendingPathComponent("Compta/firma.dat")) == before)
    }

    @Test func aFileCutShortIsAGapAndExitsOne() throws {
        let source = try folder("cut"), output = try folder("cut-output")
        defer { try? FileManager.default.removeItem(at: source); try? FileManager.default.removeItem(at: output) }
        let dbf = DBFWriter(.dBase3, fields: [DBFWriter.Field("NOM", .character(30))],
                            records: (1...40).map { DBFWriter.Record([.text("client \($0)")]) })
        let table = try dbf.write(to: source, name: "CLIENTS")
        let bytes = try Data(contentsOf: table)
        try bytes.prefix(bytes.count - 30 * 15).write(to: table)
        let result = try sunset().run(["convert", table.path, "--to", output.appendingPathComponent("copies").path, "--format", "csv"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let csv = try String(contentsOf: output.appendingPathComponent("copies/CLIENTS.csv"), encoding: .utf8)
        #expect(csv.contains("client 1") && !csv.contains("client 40"))
    }

    @Test func whatCannotBeConvertedIsAClearErrorAndExitsTwo() throws {
        let source = try folder("bad")
        defer { try? FileManager.default.removeItem(at: source) }
        let text = source.appendingPathComponent("clients.mdb")
        try Data("these are not the clients\n".utf8).write(to: text)
        let notDatabase = try sunset().run(["convert", text.path, "--to", source.appendingPathComponent("out").path])
        #expect(notDatabase.status == 2)
        #expect(notDatabase.stderr.contains("not a database Sunset recognises"), "\(notDatabase.stderr)")
        let missing = try sunset().run(["convert", "/nonexistent/db.mdb", "--to", source.appendingPathComponent("out").path])
        #expect(missing.status == 2 && missing.stderr.contains("no such file or folder"))
        let badFormat = try sunset().run(["convert", source.path, "--to", source.appendingPathComponent("out").path, "--format", "pdf"])
        #expect(badFormat.status == 2 && badFormat.stderr.contains("unknown format 'pdf'"))
    }
}

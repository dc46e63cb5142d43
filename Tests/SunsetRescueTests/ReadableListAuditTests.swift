import Foundation
import SunsetCore
import SunsetFixtures
import SunsetReadable
import SunsetReport
import Testing

/// Issue 21, item 6: an audit that finds an offline copy whose readable index lists a company's
/// client or product table, complete and converted from data as new as the company's, ticks
/// the export steps with that table as evidence; an older or incomplete copy is shown, not counted.
@Suite struct ReadableListAuditTests {
    static let company = "Firma Roux"
    /// The day the company's database was last changed.
    static let changed = ISO8601DateFormatter().date(from: "2026-11-28T09:30:00Z")!

    /// A company whose one database (Jet 4, from the test writer) holds a client table, a
    /// product table and a journal, and a bag of it made by `sunset rescue` on a second folder.
    func companyWithBag(_ name: String) throws -> (volume: VolumeBuilder, usb: VolumeBuilder, bag: String) {
        let volume = try VolumeBuilder.temporary(name)
        let mdb = try JetWriter.data([
            .init(name: "Kunden", columns: [JetColumn("Kundennr", .int32), JetColumn("Name", .text())],
                  rows: [[.integer(1), .text("Dupont")], [.integer(2), .text("Müller")], [.integer(3), .text("Łukasz")]]),
            .init(name: "Artikel", columns: [JetColumn("Bezeichnung", .text()), JetColumn("Preis", .currency)],
                  rows: [[.text("Schraube"), .decimal("0.1000")], [.text("Mutter"), .decimal("0.0500")]]),
            .init(name: "Journal", columns: [JetColumn("Buchung", .text())], rows: [[.text("Eröffnung")]]),
        ])
        try volume.file("Users/anna/Documents/Invoice2go/\(Self.company)/Firma.mdb", mdb, modified: Self.changed)
        let usb = try VolumeBuilder.temporary(name + "-usb")
        let bag = usb.url("Sicherung Firma").path
        let made = try rescue([volume.root.path], to: bag)
        try #require(made.status == 0, "\(made.stderr)")
        return (volume, usb, bag)
    }

    /// Writes `sunset-index.json` into the bag in place of the one rescue wrote, so that a test
    /// can choose the database's date and each table's completeness, and updates the tag manifest.
    func writeIndex(bag: String, modified: Date, complete: (String) -> Bool = { _ in true }) throws {
        let manifest = try String(contentsOfFile: bag + "/manifest-sha256.txt", encoding: .utf8)
        let line = try #require(manifest.split(separator: "\n").first { $0.hasSuffix("/Firma.mdb") })
        let payload = String(line.split(separator: " ", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
        let sha = String(line.split(separator: " ")[0])
        let folder = payload + ".readable"
        func table(_ name: String, _ columns: [String], _ rows: Int) -> ReadableIndex.Table {
            let copies = [ReadableIndex.Copy(format: "csv", file: "\(folder)/\(name).csv", part: nil, rowsReadBack: rows),
                          ReadableIndex.Copy(format: "sqlite", file: "\(folder)/Firma.sqlite", part: name, rowsReadBack: rows)]
            return ReadableIndex.Table(name: name, columns: columns, rows: rows, copies: copies, leftOutColumns: [],
                                       gaps: complete(name) ? [] : ["2 rows missing from the workbook"], complete: complete(name))
        }
        let tables = [table("Kunden", ["Kundennr", "Name"], 3), table("Artikel", ["Bezeichnung", "Preis"], 2),
                      table("Journal", ["Buchung"], 1)]
        let database = ReadableIndex.Database(
            payload: payload, companies: [Self.company], products: ["invoice2go-classic"], roles: ["company-data"],
            modified: Int64(modified.timeIntervalSince1970), sha256: sha, format: "jet4", formatName: "Access (Jet 4)",
            status: .converted, reason: nil, folder: folder, tables: tables, gaps: [],
            complete: tables.allSatisfy(\.complete))
        let bytes = Data(ReadableIndex(asOf: CalendarDay(fixedAsOf)!, databases: [database]).encoded())
        try bytes.write(to: URL(fileURLWithPath: bag + "/" + ReadableIndex.fileName))
        let sum = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/sha256sum")).run([bag + "/" + ReadableIndex.fileName])
        let digest = try #require(sum.stdout.split(separator: " ").first)
        // The tag manifest's line for the index (rescue wrote one) now gives the new checksum.
        let tags = bag + "/tagmanifest-sha256.txt"
        let kept = try String(contentsOfFile: tags, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasSuffix("  \(ReadableIndex.fileName)") }
        try (kept.joined(separator: "\n") + "\n\(digest)  \(ReadableIndex.fileName)\n").write(toFile: tags, atomically: true, encoding: .utf8)
    }

    /// The whole way, with nothing written by hand: rescue converts Firma.mdb and writes the
    /// index; the audit reads it and ticks both export steps; once the data changes after the
    /// copy, the same copy is shown but no longer ticks.
    @Test func aRealRescuesCopiesTickTheExportStepsUntilTheDataChanges() throws {
        let (volume, usb, bag) = try companyWithBag(#function)
        defer { volume.remove(); usb.remove() }
        let fresh = try audit([volume.root.path, usb.root.path])
        let clients = try item(fresh, "export-client-list")
        #expect(clients.done, "\(clients.evidence)")
        #expect(clients.evidence == "table Kunden, 3 rows, of Firma.mdb as of 2026-11-28, in the offline copy on \(bag)")
        #expect(try item(fresh, "export-product-list").done)

        let mdb = volume.url("Users/anna/Documents/Invoice2go/\(Self.company)/Firma.mdb").path
        try FileManager.default.setAttributes([.modificationDate: Self.changed.addingTimeInterval(86_400)], ofItemAtPath: mdb)
        let later = try audit([volume.root.path, usb.root.path])
        let stale = try item(later, "export-client-list")
        #expect(!stale.done)
        #expect(stale.evidence.contains("table Kunden, 3 rows, of Firma.mdb as of 2026-11-28"), "\(stale.evidence)")
        #expect(stale.evidence.hasSuffix("older than the data, which changed on 2026-11-29"), "\(stale.evidence)")
        #expect(try !item(later, "export-product-list").done)
    }

    func audit(_ roots: [String]) throws -> AuditResults {
        let result = try sunset().run(["audit"] + roots + ["--as-of", fixedAsOf, "--format", "json", "--output", "-"])
        try #require(result.status == 0, "stderr: \(result.stderr)")
        return try JSONReporter.decode(Data(result.stdout.utf8))
    }

    func item(_ results: AuditResults, _ step: String) throws -> ChecklistStep.Item {
        let found = try #require(results.checklist.first { $0.id == "invoice2go-classic/\(step)" }, "no \(step) step")
        return try #require(found.items.first { $0.company == Self.company })
    }

    @Test func aFreshCompleteCopyTicksBothExportStepsWithTheTableAsEvidence() throws {
        let (volume, usb, bag) = try companyWithBag(#function)
        defer { volume.remove(); usb.remove() }
        try writeIndex(bag: bag, modified: Self.changed)
        let results = try audit([volume.root.path, usb.root.path])
        let copy = try #require(results.inventory.offlineCopies?.first)
        #expect(copy.verified, "\(copy.problem ?? "")")
        #expect(copy.databases?.first?.tables.map(\.name) == ["Kunden", "Artikel", "Journal"])
        #expect(copy.lists?.map(\.table) == ["Kunden", "Artikel"], "Journal is neither list")
        let clients = try item(results, "export-client-list")
        #expect(clients.done)
        #expect(clients.evidence == "table Kunden, 3 rows, of Firma.mdb as of 2026-11-28, in the offline copy on \(bag)")
        #expect(clients.date == CalendarDay("2026-11-28"))
        let products = try item(results, "export-product-list")
        #expect(products.done)
        #expect(products.evidence == "table Artikel, 2 rows, of Firma.mdb as of 2026-11-28, in the offline copy on \(bag)")
        #expect(!results.findings.contains { $0.ruleID == "invoice2go-classic/export-missing" })
    }

    @Test func anOlderCopyIsShownButDoesNotTick() throws {
        let (volume, usb, bag) = try companyWithBag(#function)
        defer { volume.remove(); usb.remove() }
        try writeIndex(bag: bag, modified: Self.changed.addingTimeInterval(-10 * 86_400))
        let results = try audit([volume.root.path, usb.root.path])
        let clients = try item(results, "export-client-list")
        #expect(!clients.done)
        #expect(clients.evidence == "no client list newer than the last data change; table Kunden, 3 rows, of Firma.mdb as of "
                + "2026-11-18, in the offline copy on \(bag) — older than the data, which changed on 2026-11-28")
        #expect(try !item(results, "export-product-list").done)
        #expect(results.findings.contains { $0.ruleID == "invoice2go-classic/export-missing" })
    }

    @Test func anIncompleteTableDoesNotTick() throws {
        let (volume, usb, bag) = try companyWithBag(#function)
        defer { volume.remove(); usb.remove() }
        try writeIndex(bag: bag, modified: Self.changed, complete: { $0 != "Kunden" })
        let results = try audit([volume.root.path, usb.root.path])
        let clients = try item(results, "export-client-list")
        #expect(!clients.done)
        #expect(clients.evidence.hasSuffix("— incomplete: some rows are missing from its copies"), "\(clients.evidence)")
        #expect(try item(results, "export-product-list").done, "the complete product table still counts")
    }

    @Test func aMissingOrBrokenIndexMeansNoTables() throws {
        let (volume, usb, bag) = try companyWithBag(#function)
        defer { volume.remove(); usb.remove() }
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: bag + "/" + ReadableIndex.fileName))
        let results = try audit([volume.root.path, usb.root.path])
        let copy = try #require(results.inventory.offlineCopies?.first)
        #expect(copy.databases == nil && copy.lists == nil)
        #expect(try !item(results, "export-client-list").done)
    }
}

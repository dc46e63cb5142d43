import Foundation
import SunsetCore
import SunsetFixtures
import SunsetReadable
import SunsetRescue
import Testing

/// Issue 21, item 5: the databases that open with an end-of-life program (issue 13's file
/// associations) are listed by content with the program, and the rescue plan saves them when
/// no supported program opens them. Hives written by hivex (`Tests/Fixtures/hives/*-eol.reg`):
/// Office 2010 owns `.mdb` through `Access.Application.14`.
@Suite struct DependentDatabaseTests {
    static let hives = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hives")
    static let modified = ISO8601DateFormatter().date(from: "2026-03-02T10:00:00Z")!

    func volume(_ name: String) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        try volume.file("Windows/System32/config/SOFTWARE", Data(contentsOf: Self.hives.appendingPathComponent("software-eol.hive")))
        try volume.file("Program Files (x86)/Microsoft Office/Office14/MSACCESS.EXE", Data("MZ".utf8))
        let mdb = try JetWriter.data([.init(name: "Mitglieder", columns: [JetColumn("Name", .text())], rows: [[.text("Huber")]])])
        try volume.file("Users/paul/Documents/Verein/Verein.mdb", mdb, modified: Self.modified)
        // An .mdb that is no database, and a database of another extension: neither is listed.
        try volume.file("Users/paul/Documents/liesmich.mdb", text: "kein Access\n")
        try volume.file("Users/paul/Documents/Verein/kopie.dat", mdb)
        return volume
    }

    func inventory(_ volume: VolumeBuilder) throws -> Inventory {
        let result = try sunset().run(["scan", volume.root.path, "--output", "-"])
        try #require(result.status == 0, "\(result.stderr)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(InventoryDocument.self, from: Data(result.stdout.utf8)).inventory
    }

    @Test func theDatabasesOfAnEndOfLifeProgramAreListedAndSaved() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let inventory = try inventory(volume)
        let office = try #require(inventory.installedPrograms?.first { $0.name.hasPrefix("Microsoft Office") })
        let mdb = try #require(office.dependentFiles?.first { $0.fileExtension == ".mdb" })
        #expect(mdb.files == 2, "both .mdb files are counted")
        let databases = try #require(mdb.databases)
        #expect(databases.map(\.location.path.description) == ["Users/paul/Documents/Verein/Verein.mdb"])
        #expect(databases.first?.database == .jet4 && databases.first?.modified == Self.modified)
        #expect(databases.first?.size == UInt64(try Data(contentsOf: volume.url("Users/paul/Documents/Verein/Verein.mdb")).count))

        let plan = RescuePlan(inventory: inventory, includeProgram: false, productNames: [:], asOf: CalendarDay("2026-11-29"))
        let dependent = plan.sources.filter { $0.role == .dependent }
        #expect(dependent.map(\.location.path.description) == ["Users/paul/Documents/Verein/Verein.mdb"])
        #expect(dependent.first?.note?.contains("Access (Jet 4) database that opens with Microsoft Office") == true)
        // While Office 2010 was still supported, nothing depends on an ended program.
        let before = RescuePlan(inventory: inventory, includeProgram: false, productNames: [:], asOf: CalendarDay("2019-06-01"))
        #expect(!before.sources.contains { $0.role == .dependent })
    }

    /// The whole way: `rescue` saves the database of the ended program, converts it like
    /// company data, and lists it in its own section and in the JSON index.
    @Test func rescueSavesAndConvertsTheDatabaseOfAnEndedProgram() throws {
        let volume = try volume(#function)
        let bag = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-dependent-\(UUID().uuidString)").path
        defer { volume.remove(); try? FileManager.default.removeItem(atPath: bag) }
        let result = try rescue([volume.root.path], to: bag)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try bagitPy(bag).status == 0)
        let copy = bag + "/data/Users/paul/Documents/Verein/Verein.mdb.readable/Mitglieder.csv"
        #expect(try String(contentsOfFile: copy, encoding: .utf8).contains("Huber"))
        let index = try #require(ReadableIndex.decode(Data(contentsOf: URL(fileURLWithPath: bag + "/" + ReadableIndex.fileName))))
        let database = try #require(index.databases.first)
        #expect(index.databases.count == 1)
        #expect(database.roles == ["dependent"] && database.status == .converted && database.complete)
        #expect(database.tables.map(\.rows) == [1])
        let markdown = try String(contentsOfFile: bag + "/sunset-index.md", encoding: .utf8)
        #expect(markdown.contains("## Databases of programs past their end of support"))
        #expect(markdown.contains("`data/Users/paul/Documents/Verein/Verein.mdb`"))
    }

    @Test func aSupportedProgramOpeningTheSameExtensionKeepsTheFilesOutOfThePlan() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        var inventory = try inventory(volume)
        var programs = try #require(inventory.installedPrograms)
        let office = try #require(programs.firstIndex { $0.name.hasPrefix("Microsoft Office") })
        let current = try #require(programs.first { $0.lifecycle.map { !$0.isEndOfLife(asOf: CalendarDay("2026-11-29")!) } ?? false })
        for index in programs[office].dependentFiles!.indices { programs[office].dependentFiles![index].otherPrograms = [current.name] }
        inventory.installedPrograms = programs
        let plan = RescuePlan(inventory: inventory, includeProgram: false, productNames: [:], asOf: CalendarDay("2026-11-29"))
        #expect(!plan.sources.contains { $0.role == .dependent })
    }
}

import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// Every end-of-life program of an old PC and the files that depend on it, through the
/// built binary, on hives written by hivex (`Tests/Fixtures/hives/*-eol.reg`).
@Suite struct LifecycleCommandTests {
    func hive(_ name: String) throws -> Data {
        try Data(contentsOf: repository.appendingPathComponent("Tests/Fixtures/hives/\(name).hive"))
    }

    /// Office 2010 (32-bit node) with .xls and .mdb files, Firefox 60 ESR, Java 8, VirtualBox
    /// 6.0, a current Notepad++, an unknown program, and Python 2.7 installed for paul alone.
    func volume(_ name: String) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        try volume.file("Windows/System32/config/SOFTWARE", hive("software-eol"))
        try volume.file("Users/paul/NTUSER.DAT", hive("ntuser-eol"))
        try volume.file("Users/paul/AppData/Local/Microsoft/Windows/UsrClass.dat", hive("usrclass-eol"))
        try volume.file("Program Files (x86)/Microsoft Office/Office14/EXCEL.EXE", Data("MZ".utf8))
        try volume.file("Program Files (x86)/Microsoft Office/Office14/MSACCESS.EXE", Data("MZ".utf8))
        try volume.file("Program Files/Notepad++/notepad++.exe", Data("MZ".utf8))
        try volume.file("Users/paul/Documents/Compta/clients.mdb", Samples.accessDatabase())
        try volume.file("Users/paul/Documents/Compta/stock.mdb", Samples.accessDatabase())
        try volume.file("Users/paul/Documents/ARCHIVE.MDB", Samples.accessDatabase())
        try volume.file("Users/paul/Documents/Compta/budget 2019.xls", Data("xls".utf8))
        try volume.file("Users/paul/Desktop/tarifs.xls", Data("xls".utf8))
        try volume.file("Users/paul/Documents/notes.txt", Data("notes".utf8))
        try volume.file("Users/paul/Documents/not-a.mdb.bak", Data("bak".utf8))
        return volume
    }

    func audit(_ volume: VolumeBuilder, asOf: String, _ extra: [String] = []) throws -> AuditResults {
        let result = try sunset().run(["audit", volume.root.path, "--as-of", asOf, "--format", "json", "--output", "-"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try decodeResults(result.stdout)
    }

    func program(_ results: AuditResults, _ prefix: String) throws -> InstalledProgram {
        try #require(results.inventory.installedPrograms?.first { $0.name.hasPrefix(prefix) }, "no program \(prefix)")
    }

    func rules(_ results: AuditResults, _ prefix: String) -> [String] {
        results.findings.filter { $0.subject.kind == .program && $0.subject.name.hasPrefix(prefix) }.map(\.ruleID).sorted()
    }

    @Test func eachProgramGetsItsCycleAndDates() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let results = try audit(volume, asOf: "2026-11-29")
        let office = try #require(try program(results, "Microsoft Office").lifecycle)
        #expect(office.product == "office" && office.cycle == "2010")
        #expect(office.securitySupportEnd == .date(CalendarDay("2020-10-13")!))
        #expect(office.activeSupportEnd == .date(CalendarDay("2015-10-13")!))
        let java = try #require(try program(results, "Java 8").lifecycle)
        #expect(java.product == "oracle-jdk" && java.cycle == "8" && java.securitySupportEnd == .date(CalendarDay("2022-03-31")!))
        let python = try #require(try program(results, "Python 2.7").lifecycle)
        #expect(python.cycle == "2.7" && python.activeSupportEnd == .ended && python.securitySupportEnd == .date(CalendarDay("2020-01-01")!))
        #expect(try program(results, "Python 2.7").user == "paul")
        let box = try #require(try program(results, "Oracle VM VirtualBox").lifecycle)
        #expect(box.cycle == "6.0" && box.securitySupportEnd == .date(CalendarDay("2020-07-31")!))
        let notepad = try #require(try program(results, "Notepad++").lifecycle)
        #expect(notepad.cycle == "8.9" && notepad.securitySupportEnd == .ongoing)
        let firefox = try #require(try program(results, "Mozilla Firefox").lifecycle)
        #expect(firefox.inferred && firefox.cycle == nil && firefox.version == "60.9.0")
        #expect(firefox.evidence.first?.confidence == .medium)
        #expect(firefox.evidence.first?.detail.contains("older than") == true)

        #expect(rules(results, "Microsoft Office") == ["end-of-life/security-support-ended"])
        #expect(rules(results, "Java 8") == ["end-of-life/security-support-ended"])
        #expect(rules(results, "Python 2.7") == ["end-of-life/security-support-ended"])
        #expect(rules(results, "Oracle VM VirtualBox") == ["end-of-life/security-support-ended"])
        #expect(rules(results, "Mozilla Firefox") == ["end-of-life/end-of-life-inferred"])
        #expect(rules(results, "Notepad++").isEmpty)
        // The unknown program is listed, never judged.
        #expect(try program(results, "Carnet").lifecycle == nil)
        #expect(rules(results, "Carnet").isEmpty)
        let high = try #require(results.findings.first { $0.subject.name.hasPrefix("Microsoft Office") })
        #expect(high.severity == .high)
        #expect(high.message.contains("2020-10-13") && high.message.contains("2238 days ago"))
    }

    @Test func theGlanceTableHasARowPerEndOfLifeProgram() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let result = try sunset().run(["audit", volume.root.path, "--as-of", "2026-11-29", "--format", "md", "--output", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let glance = try #require(result.stdout.components(separatedBy: "## At a glance").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        let rows = glance.split(separator: "\n").filter { $0.hasPrefix("| **") }
        // Companies and programs have tables of their own: a program's row has its version, its
        // status, the day its support ended and its files, never a cell that does not apply.
        #expect(rows.contains { $0 == "| **Microsoft Office Professional Plus 2010** | 14\\.0.7015.1000 | ✗ end of life | ended October 13, 2020 | 3 .mdb, 2 .xls |" },
                "\(rows)")
        #expect(rows.contains { $0.hasPrefix("| **Java 8 Update 45") })
        // The host's own system comes first, judged like any program.
        #expect(rows.first == "| **Windows 10 22H2 (system)** | 10 22H2 | ✗ end of life | ended October 14, 2025 |  |", "\(rows)")
        #expect(!glance.contains("not applicable"))
        // A supported program and one the data does not know get no row.
        #expect(!rows.contains { $0.contains("Notepad++") })
        #expect(!rows.contains { $0.contains("Carnet") })
    }

    @Test func theTerminalGlanceListsTheEndOfLifeProgramsToo() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let result = try sunset().run(["audit", volume.root.path, "--as-of", "2026-11-29", "--output",
                                       volume.root.deletingLastPathComponent().appendingPathComponent(volume.root.lastPathComponent + "-out").path,
                                       "--color", "never"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        // No product of a pack on this disk: no checklist, so no "next step" and no "all done".
        #expect(!lines.contains { $0.hasPrefix("Next:") || $0.contains("Every checklist step is done") })
        let glance = lines.drop { $0 != "At a glance:" }.prefix { !$0.isEmpty }
        #expect(glance.contains { $0.hasPrefix("  ✗ Microsoft Office Profes") && $0.contains("14.0.7015.1000 · ended October 13, 2020") },
                "\(glance)")
        #expect(glance.contains { $0.hasPrefix("  ✗ Mozilla Firefox") && $0.hasSuffix("end of life (inferred)") })
        #expect(glance.contains { $0.hasPrefix("  ✗ Windows 10 22H2 (system)") && $0.hasSuffix("ended October 14, 2025") })
        #expect(!glance.contains { $0.contains("Notepad++") || $0.contains("not applicable") })
        #expect(glance.count == 7, "a title, the system and five programs: \(glance)")
        #expect(glance.allSatisfy { $0.count <= 80 })
    }

    @Test func internetExplorerIsListedFromItsOwnKeyAndJudged() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Windows/System32/config/SOFTWARE", hive("software-ie"))
        let results = try audit(volume, asOf: "2026-11-29")
        let ie = try program(results, "Internet Explorer")
        #expect(ie.version == "11.0.9600.19596")
        #expect(ie.key.hasSuffix("Internet Explorer\\svcVersion"))
        #expect(ie.lifecycle?.product == "internet-explorer")
        #expect(ie.lifecycle?.cycle == "11")
        #expect(rules(results, "Internet Explorer").contains("end-of-life/security-support-ended"))
    }

    @Test func theEndOfLifeDayIsStillSupportedAndTheDayAfterIsNot() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let onTheDay = try audit(volume, asOf: "2020-10-13")
        #expect(rules(onTheDay, "Microsoft Office") == ["end-of-life/active-support-ended"])
        let after = try audit(volume, asOf: "2020-10-14")
        #expect(rules(after, "Microsoft Office") == ["end-of-life/security-support-ended"])
        let warned = try audit(volume, asOf: "2020-10-01", ["--warn-within", "30"])
        #expect(rules(warned, "Microsoft Office") == ["end-of-life/active-support-ended", "end-of-life/security-support-ending"])
    }

    @Test func theDependentFilesAreCountedExactly() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let results = try audit(volume, asOf: "2026-11-29")
        let office = try program(results, "Microsoft Office")
        let files = try #require(office.dependentFiles)
        #expect(files.map(\.fileExtension) == [".mdb", ".xls"])
        #expect(files.map(\.files) == [3, 2])
        #expect(files[0].folders.map(\.files) == [2, 1])
        #expect(files[0].folders.first?.location.path.description == "Users/paul/Documents/Compta")
        #expect(files.allSatisfy { $0.otherPrograms.isEmpty })
        // paul's own choice sends .txt to Notepad++ (its ProgID is in his UsrClass.dat).
        let notepad = try #require(try program(results, "Notepad++").dependentFiles)
        #expect(notepad.map(\.fileExtension) == [".txt"] && notepad[0].files == 1)
        let finding = try #require(results.findings.first { $0.subject.name.hasPrefix("Microsoft Office") })
        #expect(finding.message.contains("It opens 5 of the files found (.mdb, .xls); 5 of them open with no supported program"))
        let associations = try #require(results.inventory.fileAssociations)
        #expect(Set(associations.map(\.origin)) == ["machine", "user-choice"])
    }

    @Test func theScanInventoryCarriesEveryProgramWithItsMatchEvidence() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let result = try sunset().run(["scan", volume.root.path, "--output", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let programs = try #require(try decoder.decode(InventoryDocument.self, from: Data(result.stdout.utf8)).inventory.installedPrograms)
        // The host's system, then six entries in SOFTWARE (both nodes) and Python in paul's NTUSER.DAT.
        #expect(programs.count == 8)
        #expect(programs.first?.isOperatingSystem == true && programs.first?.lifecycle?.cycle == "10-22h2")
        #expect(programs.filter { $0.lifecycle == nil }.map(\.name) == ["Carnet d'adresses"])
        let java = try #require(programs.first { $0.name.hasPrefix("Java 8") }?.lifecycle?.evidence.first)
        #expect(java.signature == "lifecycle.match" && java.confidence == .high)
        #expect(java.detail.contains("matches the Oracle JDK pattern") && java.detail.contains("cycle 8"))
    }

    @Test func checkFailsOnTheEndOfLifePrograms() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        // Windows 10 22H2 itself, Office 2010, Java 8, Python 2.7 and VirtualBox 6.0 are high;
        // Firefox 60 (inferred) is medium.
        let high = try sunset().run(["check", volume.root.path, "--as-of", "2026-11-29", "--fail-on", "high"])
        #expect(high.status == 1, "\(high.stdout)\(high.stderr)")
        let nagios = try sunset().run(["check", volume.root.path, "--as-of", "2026-11-29", "--nagios"])
        #expect(nagios.status == 2)
        #expect(nagios.stdout.hasPrefix("SUNSET CRITICAL - 5 finding(s) at or above high, 6 at or above medium"), "\(nagios.stdout)")
        #expect(nagios.stdout.contains("'end_of_life_programs'=6;;;0"), "\(nagios.stdout)")
        // At the end of 2019 none had passed its end of security support (Python 2.7's was 2020-01-01).
        let before = try sunset().run(["check", volume.root.path, "--as-of", "2019-12-31", "--fail-on", "high"])
        #expect(before.status == 0, "\(before.stdout)")
    }
}

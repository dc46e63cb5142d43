import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// The operating system is a program too (issue 20): hosts that no product pack cares about
/// are still judged, servers are never their client twin, service-pack builds get their own
/// dates, and a product pack's installation shows in the Programs section with its dates.
@Suite struct OperatingSystemTests {
    func hive(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hives/\(name).hive"))
    }

    /// A volume holding only a `SOFTWARE` hive (and a user folder).
    func volume(_ name: String, software: String) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        try volume.file("Windows/System32/config/SOFTWARE", hive(software))
        try volume.folder("Users/Pierre/Documents")
        return volume
    }

    func audit(_ volume: VolumeBuilder, _ extra: [String] = []) throws -> AuditResults {
        let result = try sunset().run(["audit", volume.root.path, "--as-of", "2026-12-05", "--format", "json", "--output", "-"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(AuditResults.self, from: Data(result.stdout.utf8))
    }

    func system(_ results: AuditResults) throws -> InstalledProgram {
        try #require(results.inventory.installedPrograms?.first { $0.isOperatingSystem })
    }

    // MARK: - Windows 7 with no product installed

    @Test func windows7WithNoProductHasAHostFindingWithItsEndOfSupport() throws {
        let volume = try volume(#function, software: "software-win7-programs")
        defer { volume.remove() }
        let results = try audit(volume)
        #expect(results.inventory.installations.isEmpty && results.inventory.companies.isEmpty)
        let system = try system(results)
        #expect(system.name == "Windows 7")
        #expect(system.lifecycle?.cycle == "7-sp1")
        #expect(system.lifecycle?.securitySupportEnd == .date(CalendarDay("2020-01-14")!))
        #expect(results.inventory.roots[0].host.lifecycle?.cycle == "7-sp1")
        let findings = results.findings.filter { $0.ruleID == "end-of-life/os-security-support-ended" }
        #expect(findings.count == 1)
        #expect(findings.first?.subject.name == "Windows 7")
        #expect(findings.first?.message.contains("the last day was 2020-01-14") == true, "\(findings)")
        // One finding about the system, and the generic program rule does not repeat it.
        #expect(!results.findings.contains { $0.ruleID == "end-of-life/security-support-ended" && $0.subject.name == "Windows 7" })
        // SQL Server 2012 at Service Pack 4 has the service pack's dates.
        let sql = try #require(results.inventory.installedPrograms?.first { $0.name.hasPrefix("Microsoft SQL Server 2012") }?.lifecycle)
        #expect(sql.cycle == "11.0-sp4" && sql.securitySupportEnd == .date(CalendarDay("2022-07-12")!))
    }

    @Test func checkAndEveryFormatCarryTheHostFinding() throws {
        let volume = try volume(#function, software: "software-win7-programs")
        defer { volume.remove() }
        let nagios = try sunset().run(["check", volume.root.path, "--as-of", "2026-12-05", "--nagios"])
        #expect(nagios.status == 2, "\(nagios.stdout)")
        let plain = try sunset().run(["check", volume.root.path, "--as-of", "2026-12-05"])
        #expect(plain.stdout.contains("end-of-life/os-security-support-ended"), "\(plain.stdout)")
        for (format, needle) in [("md", "end-of-life/os-security-support-ended"), ("sarif", "\"ruleId\" : \"end-of-life/os-security-support-ended\""),
                                 ("junit", "end-of-life/os-security-support-ended"), ("html", "end-of-life/os-security-support-ended")] {
            let result = try sunset().run(["audit", volume.root.path, "--as-of", "2026-12-05", "--format", format, "--output", "-"])
            #expect(result.stdout.contains(needle), "\(format)")
        }
    }

    /// Seven programs past their end and the system: a short table of their own, in Markdown,
    /// HTML and the terminal, with no cell that does not apply.
    @Test func theGlanceOfAPCWithSevenOldProgramsHasNoEmptyColumn() throws {
        let volume = try volume(#function, software: "software-win7-programs")
        defer { volume.remove() }
        let output = volume.root.deletingLastPathComponent().appendingPathComponent(volume.root.lastPathComponent + "-out")
        defer { try? FileManager.default.removeItem(at: output) }
        for language in ["en", "fr"] {
            let result = try sunset().run(["audit", volume.root.path, "--as-of", "2026-12-05", "--output", output.path, "--force",
                                           "--color", "never", "--lang", language])
            #expect(result.status == 0, "\(result.stderr)")
            let glance = result.stdout.components(separatedBy: "\n").drop { !$0.hasSuffix(":") || !$0.hasPrefix(language == "en" ? "At a glance" : "En un coup") }
                .dropFirst().prefix { !$0.isEmpty }
            #expect(glance.count == 8, "the system and seven programs: \(glance)")
            #expect(glance.allSatisfy { $0.count <= 80 && !$0.contains("applicable") && !$0.contains("sans objet") })
            let markdown = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
            let section = try #require(markdown.components(separatedBy: "\n## ").dropFirst().first)
            let rows = section.split(separator: "\n").filter { $0.hasPrefix("| **") }
            #expect(rows.count == 8, "\(rows)")
            // Name, version, status, date: no files column, as no program here opens a file.
            #expect(rows.allSatisfy { $0.split(separator: "|").count == 4 }, "\(rows)")
            #expect(!section.contains("not applicable") && !section.contains("sans objet"))
            let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
            let table = try #require(html.components(separatedBy: "<table class=\"glance glance-programs\">").dropFirst().first?
                .components(separatedBy: "</table>").first)
            #expect(table.components(separatedBy: "<tr class=\"row-ended\">").count == 9)
            #expect(!table.contains("not applicable") && !table.contains("sans objet"))
        }
    }

    // MARK: - Servers

    @Test func build9600WithInstallationTypeServerIsWindowsServer2012R2() throws {
        let volume = try volume(#function, software: "software-server2012r2")
        defer { volume.remove() }
        let results = try audit(volume)
        let host = results.inventory.roots[0].host
        #expect(host.name == "Windows Server 2012 R2 Standard" && host.isServer)
        let system = try system(results)
        #expect(system.lifecycle?.product == "windows-server" && system.lifecycle?.cycle == "2012-r2")
        #expect(system.lifecycle?.securitySupportEnd == .date(CalendarDay("2023-10-10")!))
        #expect(system.lifecycle?.extendedSupportEnd == .date(CalendarDay("2026-10-13")!))
        let finding = try #require(results.findings.first { $0.ruleID == "end-of-life/os-security-support-ended" })
        #expect(finding.message.contains("2023-10-10") && finding.message.contains("2026-10-13"), "\(finding.message)")
        #expect(!finding.message.contains("8.1"))
        let sql2012 = try #require(results.inventory.installedPrograms?.first { $0.name.contains("2012 (64-bit)") }?.lifecycle)
        #expect(sql2012.cycle == "11.0-sp4" && sql2012.securitySupportEnd == .date(CalendarDay("2022-07-12")!))
        #expect(sql2012.extendedSupportEnd == .date(CalendarDay("2025-07-08")!))
        let sql2014 = try #require(results.inventory.installedPrograms?.first { $0.name.contains("2014") }?.lifecycle)
        #expect(sql2014.cycle == "12.0-sp3" && sql2014.securitySupportEnd == .date(CalendarDay("2024-07-09")!))
    }

    @Test func aServerThatSaysOnlyItsInstallationTypeIsStillAServer() throws {
        let volume = try volume(#function, software: "software-server-bare")
        defer { volume.remove() }
        let results = try audit(volume)
        let host = results.inventory.roots[0].host
        #expect(host.isServer && host.name == "Windows Server (build 9600)", "\(host.name)")
        let system = try system(results)
        #expect(system.lifecycle?.cycleLabel == "Windows Server 2012 R2")
        #expect(system.lifecycle?.securitySupportEnd == .date(CalendarDay("2023-10-10")!))
        let markdown = try sunset().run(["audit", volume.root.path, "--as-of", "2026-12-05", "--format", "md", "--output", "-"]).stdout
        #expect(!markdown.contains("Windows 8.1"), "a server is never named as its client twin")
    }

    // MARK: - Editions that cannot be told apart

    @Test func anUnknownEditionTakesTheLastEndingCycleAndSaysWhy() throws {
        let volume = try volume(#function, software: "software-win10-1809-unknown-edition")
        defer { volume.remove() }
        let results = try audit(volume)
        let lifecycle = try #require(try system(results).lifecycle)
        // 10-1809-w ended 2020-11-10, 10-1809-e 2021-05-11; the long-term channel needs its EditionID.
        #expect(lifecycle.cycle == "10-1809-e" && lifecycle.isLowerBound)
        #expect(lifecycle.securitySupportEnd == .date(CalendarDay("2021-05-11")!))
        #expect(lifecycle.undecided?.contains("10-1809-w") == true && lifecycle.undecided?.contains("10-1809-e-lts") == false)
        #expect(lifecycle.evidence.first?.confidence == .medium)
        let markdown = try sunset().run(["audit", volume.root.path, "--as-of", "2020-12-01", "--format", "md", "--output", "-"]).stdout
        #expect(markdown.contains("supported at least until May 11, 2021 (the edition could not be told)"), "\(markdown)")
        #expect(markdown.contains("at least until May 11, 2021"))
    }

    // MARK: - A product pack's installation

    @Test func invoice2goIsAProgramWithItsPacksDates() throws {
        let volume = try volume(#function, software: "software-win7-32")
        defer { volume.remove() }
        let results = try audit(volume)
        let program = try #require(results.inventory.installedPrograms?.first { $0.name == "Invoice2go" })
        #expect(program.lifecycle?.judgedBy == "invoice2go-classic")
        #expect(program.lifecycle?.securitySupportEnd == .date(CalendarDay("2017-10-31")!))
        // The pack judges it; the generic rules do not say it again.
        #expect(!results.findings.contains { $0.ruleID.hasPrefix("end-of-life/") && $0.subject.name == "Invoice2go" })
        let markdown = try sunset().run(["audit", volume.root.path, "--as-of", "2026-12-05", "--format", "md", "--output", "-"]).stdout
        let section = try #require(markdown.components(separatedBy: "## Programs").dropFirst().first)
        #expect(section.contains("| Invoice2go | 4\\.2.1 |"), "\(section)")
        #expect(section.contains("end of life: security support ended October 31, 2017"))
        #expect(!section.contains("Lifecycle unknown (listed, not judged): 1 program: Invoice2go"))
    }
}

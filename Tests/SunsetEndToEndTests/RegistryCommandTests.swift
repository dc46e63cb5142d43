import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// The registry hives of a scanned Windows volume, through the built binary.
@Suite struct RegistryCommandTests {
    /// A hive from `Tests/Fixtures/hives`.
    func hive(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hives/\(name).hive"))
    }

    /// An old PC's disk: a Windows 10 kernel, a SOFTWARE hive that says Windows 11 23H2 with
    /// Invoice2go under WOW6432Node, and marie's Documents moved into her OneDrive folder.
    func volume(_ name: String) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        try volume.file("Windows/System32/ntoskrnl.exe", PEImages.windows10Kernel)
        try volume.file("Windows/System32/config/SOFTWARE", hive("software-win11"))
        try volume.file("Users/marie/NTUSER.DAT", hive("ntuser-marie"))
        try volume.file("Program Files (x86)/Invoice2go/Invoice2go.exe", PEImages.invoice2go)
        try volume.file("Users/marie/Nuage/Documents/Invoice2go/Dupont/company.mdb", Samples.accessDatabase(),
                        modified: fixedNow.addingTimeInterval(-2 * 86_400))
        try volume.zip("Users/marie/Nuage/Documents/Sauvegardes/Dupont backup.zip",
                       entries: [("company.mdb", Samples.accessDatabase())], modified: fixedNow.addingTimeInterval(-86_400))
        return volume
    }

    func results(_ arguments: [String]) throws -> AuditResults {
        let result = try sunset().run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(AuditResults.self, from: Data(result.stdout.utf8))
    }

    @Test func theAuditReportsWhatTheRegistrySays() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let results = try results(["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "json", "--output", "-"])
        let inventory = results.inventory
        let host = try #require(inventory.roots.first).host
        #expect(host.name == "Windows 11 23H2")
        #expect(host.conflicts?.first?.contains("build 19045") == true)
        #expect(inventory.installations.first?.version == "4.4.3")
        #expect(inventory.installedPrograms?.count == 6)  // five uninstall entries and the host's system
        #expect(inventory.installedPrograms?.first?.isOperatingSystem == true)
        #expect(inventory.backups.first?.placement == .cloud)
        // The backup is a day old and in OneDrive: the company needs no off-machine copy.
        #expect(!results.findings.contains { $0.ruleID.hasSuffix("backup-not-offsite") })
        #expect(results.findings.contains { $0.ruleID.hasSuffix("support-ended") })
    }

    @Test func aTruncatedHiveDoesNotCrashTheAudit() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let software = try hive("software-win11")
        try volume.file("Windows/System32/config/SOFTWARE", software.prefix(software.count / 2 + 100))
        try volume.file("Users/marie/NTUSER.DAT", try hive("ntuser-marie").prefix(5000))
        let results = try results(["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "json", "--output", "-"])
        let gaps = results.inventory.coverage.gaps.filter { $0.reason.hasPrefix("registry hive") }
        #expect(Set(gaps.map(\.location.path.description)) == ["Users/marie/NTUSER.DAT", "Windows/System32/config/SOFTWARE"])
        #expect(results.inventory.roots.first?.host.name == "Windows 10")  // the kernel still answers
        let markdown = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "md", "--output", "-"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("Windows/System32/config/SOFTWARE"))
    }

    @Test func readingTheHivesChangesNothingInTheTree() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        try TreeState.setAccessTimes(volume.root, to: Date(timeIntervalSince1970: 1_500_000_000))
        let before = try TreeState.record(volume.root)
        let result = try sunset().run(["scan", volume.root.path, "--output", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"installedPrograms\""))
        #expect(try TreeState.record(volume.root) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: volume.url("Windows/System32/config").path)
        #expect(names == ["SOFTWARE"])  // no log, no lock file beside the hive
    }
}

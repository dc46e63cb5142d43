import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
import Testing

/// Documents moved to another drive of the same machine, scanned as a second root: the
/// registry of the system drive links the two (issue 12, item 1).
@Suite struct OtherDriveTests {
    /// C: with luc's hive (Documents on `D:\Mes documents`, OneDrive on `D:\OneDrive`) and the
    /// program; the D: drive as a second root holding the company and two backups.
    private func drives(_ name: String) throws -> (c: VolumeBuilder, d: VolumeBuilder) {
        let c = try windowsVolume(name, users: ["luc": .luc])
        try c.file("Program Files (x86)/Invoice2go/Invoice2go.exe", PEImages.invoice2go)
        try c.zip("Users/luc/Desktop/Atelier backup.zip", entries: [("atelier.mdb", Samples.accessDatabase())], modified: daysAgo(1))
        let d = try VolumeBuilder(root: c.root.deletingLastPathComponent().appendingPathComponent(c.root.lastPathComponent + "-d"))
        try d.file("Mes documents/Invoice2go/Atelier/atelier.mdb", Samples.accessDatabase(), modified: daysAgo(2))
        try d.zip("OneDrive/Sauvegardes/Atelier sauvegarde.zip", entries: [("atelier.mdb", Samples.accessDatabase())],
                  modified: daysAgo(1))
        return (c, d)
    }

    @Test func theSecondDriveIsPartOfTheMachineWhoseRegistryNamesIt() throws {
        let (c, d) = try drives(#function)
        defer { c.remove(); d.remove() }
        let inventory = try scan([c, d])
        #expect(inventory.roots[1].machine == 0)
        let company = try #require(inventory.companies.first)
        #expect(company.folder.root == 1)
        #expect(company.confidence == .high)
        #expect(company.evidence.first?.detail.contains("D:\\Mes documents") == true)
        // The backup on C: is on the same machine; the one in D:'s OneDrive is in the cloud.
        #expect(inventory.backup(named: "Atelier backup.zip")?.placement == .local)
        #expect(inventory.backup(named: "Atelier sauvegarde.zip")?.placement == .cloud)
        // The program on C: is installed on the data's machine.
        let findings = RuleEngine(packs: try PackSet.builtIn())
            .evaluate(inventory, asOf: CalendarDay(Date(), timeZone: CalendarDay.utc)).findings
        #expect(!findings.contains { $0.ruleID == "invoice2go-classic/data-without-program" })
    }

    @Test func withoutTheRecordTheOtherRootIsAnotherVolume() throws {
        let (c, d) = try drives(#function)
        defer { c.remove(); d.remove() }
        try FileManager.default.removeItem(at: c.url("Users/luc/NTUSER.DAT"))
        let inventory = try scan([c, d])
        #expect(inventory.roots[1].machine == nil)
        #expect(inventory.companies.first?.confidence == .medium)
        #expect(inventory.backup(named: "Atelier backup.zip")?.placement == .otherVolume)
    }
}

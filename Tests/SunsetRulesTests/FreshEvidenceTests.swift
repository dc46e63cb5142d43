import Foundation
import SunsetCore
import SunsetRules
import Testing

/// Ticks and verdicts rest only on evidence at least as new as the data they vouch for; a
/// company known only from a backup is judged and guided, never silent; a plain folder has no
/// operating system to judge (issue 12, items 3, 5 and 7).
@Suite struct FreshEvidenceTests {
    private func checklist(_ test: TestInventory) throws -> [ChecklistStep] {
        let evaluation = Evaluation(asOf: test.asOf, osReleases: PackSet.builtInOSReleases)
        return RuleEngine(packs: try PackSet.builtIn()).evaluate(test.inventory, evaluation).checklist
    }

    private func item(_ step: String, _ company: String, in steps: [ChecklistStep]) throws -> ChecklistStep.Item {
        let found = try #require(steps.first { $0.id == "invoice2go-classic/\(step)" }, "no step \(step)")
        return try #require(found.items.first { $0.company == company }, "no item for \(company) in \(step)")
    }

    @Test func anOfflineCopyOlderThanTheDataIsShownAndNotTicked() throws {
        var test = TestInventory(asOf: "2026-11-29")
        test.company("Dupont", changedDaysAgo: 3)
        test.backup(of: "Dupont", daysAgo: 1)                          // this week, on the machine
        test.backup(of: "Dupont", daysAgo: 400, placement: .otherVolume) // years older than the data
        let steps = try checklist(test)
        let offline = try item("keep-offline-copy", "Dupont", in: steps)
        #expect(!offline.done)
        #expect(offline.evidence.contains("outdated copy of 2025-10-25"))
        #expect(offline.evidence.contains("the data changed on 2026-11-26"))
        let offsite = try item("copy-backup-off-machine", "Dupont", in: steps)
        #expect(!offsite.done)
        #expect(offsite.evidence.contains("outdated off-machine copy of 2025-10-25"))
        #expect(try item("backup-each-company", "Dupont", in: steps).done)
    }

    @Test func anOfflineCopyFromTheDayOfTheLastChangeIsTicked() throws {
        var test = TestInventory(asOf: "2026-11-29")
        test.company("Dupont", changedDaysAgo: 3)
        test.backup(of: "Dupont", daysAgo: 3, placement: .otherVolume)
        let steps = try checklist(test)
        #expect(try item("keep-offline-copy", "Dupont", in: steps).done)
        #expect(try item("copy-backup-off-machine", "Dupont", in: steps).done)
    }

    @Test func aBackupOfThisWeekThatIsOlderThanTheDataIsNotTicked() throws {
        var test = TestInventory(asOf: "2026-11-29")
        test.company("Dupont", changedDaysAgo: 1)
        test.backup(of: "Dupont", daysAgo: 4)
        let step = try item("backup-each-company", "Dupont", in: try checklist(test))
        #expect(!step.done)
        #expect(step.evidence.contains("older than the last data change on 2026-11-28"))
    }

    @Test func anExportOlderThanTheDataSaysSoAndIsNotTicked() throws {
        var test = TestInventory(asOf: "2026-11-29")
        test.company("Dupont", changedDaysAgo: 2)
        let file = DataFile(location: Location(root: 0, path: VolumePath("Users/marie/Desktop/clients.csv")), size: 100,
                            modified: test.time(daysAgo: 30), kind: "CSV text", mime: "text/csv")
        test.inventory.exports.append(Export(product: TestInventory.product, kind: .clients, file: file, companies: ["Dupont"],
                                             evidence: TestInventory.evidence))
        let step = try item("export-client-list", "Dupont", in: try checklist(test))
        #expect(!step.done)
        #expect(step.evidence.contains("outdated export of 2026-10-30"))
    }

    @Test func anUnattributedExportTicksNoCompany() throws {
        var test = TestInventory(asOf: "2026-11-29")
        test.company("Dupont", changedDaysAgo: 20)
        test.company("Leroy", changedDaysAgo: 20)
        let file = DataFile(location: Location(root: 0, path: VolumePath("Users/marie/Desktop/clients.csv")), size: 100,
                            modified: test.time(daysAgo: 1), kind: "CSV text", mime: "text/csv")
        test.inventory.exports.append(Export(product: TestInventory.product, kind: .clients, file: file, companies: [],
                                             evidence: TestInventory.evidence))
        let steps = try checklist(test)
        #expect(try !item("export-client-list", "Dupont", in: steps).done)
        #expect(try !item("export-client-list", "Leroy", in: steps).done)
    }

    @Test func aCompanyKnownOnlyFromABackupHasAFindingAndAChecklistThatStartsByRestoringIt() throws {
        var test = TestInventory(asOf: "2026-11-29")
        let archive = Location(root: 0, path: VolumePath("Backups/copie.zip"))
        test.inventory.companies.append(Company(product: TestInventory.product, name: "Leroy", folder: archive, dataFiles: [],
                                                evidence: TestInventory.evidence, backupOnly: true))
        test.backup(of: "Leroy", daysAgo: 300)
        let findings = try test.findings()
        let only = try #require(findings.first { $0.ruleID == "invoice2go-classic/only-backup-survives" })
        #expect(only.subject.name == "Leroy")
        #expect(only.severity == .high)
        #expect(only.message.contains("Backups/copie.zip"))
        #expect(!findings.contains { $0.ruleID == "invoice2go-classic/backup-stale" })
        let steps = try checklist(test)
        let forLeroy = steps.filter { $0.items.contains { $0.company == "Leroy" } }.map(\.id)
        #expect(forLeroy.first == "invoice2go-classic/restore-from-backup")
        #expect(!forLeroy.contains("invoice2go-classic/backup-each-company"))
        #expect(try !item("restore-from-backup", "Leroy", in: steps).done)
    }

    @Test func withoutABackupOnlyCompanyTheRestoreStepIsLeftOut() throws {
        var test = TestInventory(asOf: "2026-11-29")
        test.company("Dupont", changedDaysAgo: 2)
        #expect(try !checklist(test).contains { $0.id == "invoice2go-classic/restore-from-backup" })
    }

    @Test func aPlainFolderHasNoHostFinding() throws {
        var test = TestInventory(asOf: "2026-11-29")
        test.inventory.roots = [ScanRoot(index: 0, path: "/media/usb", isWindowsVolume: false, host: .none)]
        test.company("Dupont", changedDaysAgo: 2)
        #expect(try test.findings().allSatisfy { $0.subject.kind != .host })
        // The same company on a Windows 7 volume does get them.
        test.inventory.roots = [ScanRoot(index: 0, path: "/mnt/c", isWindowsVolume: true, host: TestInventory.windows(build: 7601))]
        #expect(try test.findings().contains { $0.ruleID == "invoice2go-classic/host-os-unsupported" })
    }
}

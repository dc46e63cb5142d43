import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// Windows' own system images are backups (issue 22, item 3): a `WindowsImageBackup` set on
/// another disk is opened read-only, searched for every company's data, and each company
/// found inside gets a backup dated by that data, judged by the usual fresh-evidence rule.
@Suite struct SystemImageBackupTests {
    static let step = "invoice2go-classic/keep-offline-copy"

    /// A scratch folder, removed by the caller.
    func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-sysimage-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An external disk holding a Windows Backup and Restore set whose image is the sample PC's disk.
    func usbWithSystemImage(in folder: URL) throws -> (usb: URL, image: URL) {
        let usb = folder.appendingPathComponent("usb")
        let set = usb.appendingPathComponent("WindowsImageBackup/OLD-PC/Backup 2026-11-28 101500")
        try FileManager.default.createDirectory(at: set.appendingPathComponent("Catalog"), withIntermediateDirectories: true)
        let image = set.appendingPathComponent("a1b2c3d4-0000-4000-8000-000000000001.vhdx")
        try FileManager.default.copyItem(at: try ImageFixtures.url("pc.vhdx"), to: image)
        try Data("catalog".utf8).write(to: set.appendingPathComponent("Catalog/GlobalCatalog"))
        try Data([1, 2, 3, 4]).write(to: usb.appendingPathComponent("WindowsImageBackup/OLD-PC/MediaId"))
        return (usb, image)
    }

    func audit(_ roots: [URL]) throws -> AuditResults {
        let result = try sunset().run(["audit"] + roots.map(\.path) + ["--as-of", fixedAsOf, "--format", "json", "--output", "-"])
        try #require([0, 1].contains(result.status), "stderr: \(result.stderr)")
        return try decodeResults(result.stdout)
    }

    @Test func aSystemImageOnAnotherDiskIsOpenedAndMakesEveryCompanysBackupFresh() throws {
        let folder = try scratch("fresh")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (usb, image) = try usbWithSystemImage(in: folder)
        let hash = try ImageFixtures.sha256(image)
        let alone = try audit([try ImageFixtures.url("volume")])
        let results = try audit([try ImageFixtures.url("volume"), usb])

        let set = try #require(results.inventory.wholeComputerBackups?.first { $0.kind == .systemImage })
        #expect(set.content == .opened)
        #expect(set.placement == .otherVolume)
        #expect(set.companiesInside.map(\.name) == SampleVolume.companies.sorted())
        #expect(set.evidence.contains { $0.detail.hasPrefix("opened a1b2c3d4-0000-4000-8000-000000000001.vhdx read-only: data of ") })
        // The companies are those of the PC, not new ones from the image.
        #expect(results.inventory.companies.map(\.name).sorted() == SampleVolume.companies.sorted())
        #expect(results.inventory.companies.allSatisfy { !$0.isBackupOnly })
        // The image holds the data as it is now: the off-machine step is ticked for every company.
        let items = try #require(results.checklist.first { $0.id == Self.step }).items
        #expect(items.count == 3 && items.allSatisfy { $0.done }, "\(items.map { "\($0.company ?? ""): \($0.evidence)" })")
        let before = try #require(alone.checklist.first { $0.id == Self.step }).items
        #expect(before.contains { !$0.done }, "without the image some company has no off-machine copy")
        #expect(try ImageFixtures.sha256(image) == hash, "the image must not change")
    }

    @Test func anImageOlderThanTheDataIsShownNotTicked() throws {
        let folder = try scratch("older")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (usb, _) = try usbWithSystemImage(in: folder)
        // The PC's data changed after the image was taken (2026-11-28): every company's data file is newer now.
        let pc = folder.appendingPathComponent("pc")
        // cp -a keeps every file's time, as the fixture has them.
        let copy = try CommandRunner(executable: URL(fileURLWithPath: "/bin/cp")).run(["-a", try ImageFixtures.url("volume").path, pc.path])
        try #require(copy.status == 0, "\(copy.stderr)")
        let later = SampleVolume.fixedNow
        for company in try Self.companyDataFiles(pc) {
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: company)
        }
        let results = try audit([pc, usb])
        let set = try #require(results.inventory.wholeComputerBackups?.first { $0.kind == .systemImage })
        #expect(set.content == .opened && set.companiesInside.count == 3)
        let items = try #require(results.checklist.first { $0.id == Self.step }).items
        #expect(items.allSatisfy { !$0.done }, "\(items.map { "\($0.company ?? ""): \($0.evidence)" })")
    }

    /// The company data files of a folder made from the sample PC (by the sample's layout).
    static func companyDataFiles(_ root: URL) throws -> [String] {
        let files = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        return files.filter { $0.hasSuffix(".mdb") && !$0.contains("Program Files") }.map { root.appendingPathComponent($0).path }
    }

    @Test func aCompanyFoundOnlyInsideTheImageIsKnownFromABackup() throws {
        let folder = try scratch("only")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (usb, _) = try usbWithSystemImage(in: folder)
        let results = try audit([usb])
        #expect(results.inventory.companies.map(\.name).sorted() == SampleVolume.companies.sorted())
        #expect(results.inventory.companies.allSatisfy { $0.isBackupOnly })
        #expect(results.findings.contains { $0.ruleID.hasSuffix("only-backup-survives") })
    }
}

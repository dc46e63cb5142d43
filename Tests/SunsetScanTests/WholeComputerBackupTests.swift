import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
@testable import SunsetScan
import Testing

/// Windows' own backups and other imaging tools' files (issue 22, items 3 in part, 4 and 5):
/// File History copies of a company's files are its backups, dated by their suffix and placed
/// by their root; system-image sets and other tools' images are listed, dated and placed, and
/// tick nothing until a company's data has been found inside them.
@Suite struct WholeComputerBackupTests {
    /// The findings and checklist the built-in packs give for an inventory, as of today.
    func judge(_ inventory: Inventory) throws -> RuleEngine.Outcome {
        RuleEngine(packs: try PackSet.builtIn()).evaluate(inventory, asOf: CalendarDay(now, timeZone: CalendarDay.utc))
    }

    func done(_ step: String, _ company: String, in outcome: RuleEngine.Outcome) throws -> Bool {
        let found = try #require(outcome.checklist.first { $0.id == "invoice2go-classic/\(step)" })
        return try #require(found.items.first { $0.company == company }).done
    }

    /// File History's suffix for a moment: ` (YYYY_MM_DD HH_MM_SS UTC)`.
    func suffix(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: " (%04d_%02d_%02d %02d_%02d_%02d UTC)", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// A Windows volume (its `Windows/System32` and one company, changed `changed` days ago).
    func windowsVolume(_ name: String, changed: Double = 3) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        try volume.folder("Windows/System32")
        try company(volume, "Atelier Martin", modified: daysAgo(changed))
        return volume
    }

    @Test func theSuffixGivesTheOriginalNameAndTheUTCMoment() throws {
        let (name, taken) = try #require(FileHistoryCopy.parse("company (2026_11_28 10_15_07 UTC).mdb"))
        #expect(name == "company.mdb")
        #expect(taken == Date(timeIntervalSince1970: 1_795_860_907))
        #expect(FileHistoryCopy.parse("notes (2026_02_03 00_00_00 UTC)")?.name == "notes")
        #expect(FileHistoryCopy.parse("company (2026_13_28 10_15_07 UTC).mdb") == nil)
        #expect(FileHistoryCopy.parse("company (2026-11-28 10_15_07 UTC).mdb") == nil)
        #expect(FileHistoryCopy.parse("company.mdb") == nil)
        #expect(WholeComputerFinder.setDate("2026-11-28 101507") == Date(timeIntervalSince1970: 1_795_860_907))
        #expect(WholeComputerFinder.setDate("2026-11-28") == nil)
    }

    @Test func aFileHistoryCopyOnASecondRootMakesTheBackupFreshAndOffTheMachine() throws {
        let pc = try windowsVolume(#function + "-pc")
        let nas = try VolumeBuilder.temporary(#function + "-nas")
        defer { pc.remove(); nas.remove() }
        // Another case than on the PC, as a share may show it; two versions of the one file.
        let folder = "FileHistory/marie/PC-MARIE/Data/C/users/Marie/Documents/INVOICE2GO/Atelier Martin"
        try nas.file("\(folder)/company\(suffix(daysAgo(1))).mdb", Samples.accessDatabase("new"), modified: daysAgo(3))
        try nas.file("\(folder)/company\(suffix(daysAgo(40))).mdb", Samples.accessDatabase("old"), modified: daysAgo(41))
        try nas.file("FileHistory/marie/PC-MARIE/Configuration/Config1.xml", text: "<config/>")
        let inventory = try scan([pc, nas])
        // The copies are backups, never a second company.
        #expect(inventory.companies.map(\.name) == ["Atelier Martin"])
        #expect(inventory.companies.first?.folder.root == 0)
        let copies = inventory.backups.filter { $0.source == .fileHistory }.sorted { $0.date > $1.date }
        #expect(copies.count == 2)
        #expect(copies.allSatisfy { $0.companies == ["Atelier Martin"] && $0.placement == .otherVolume && $0.readable })
        let newest = try #require(copies.first)
        #expect(abs(newest.date.timeIntervalSince(daysAgo(1))) < 2)
        #expect(newest.evidence.contains { $0.signature == "backup.file-history-match" && $0.confidence == .high })
        #expect(newest.evidence.contains { $0.signature == "backup.file-history" && $0.detail.contains("C:\\users\\Marie") })
        #expect(newest.setFiles == nil)

        let outcome = try judge(inventory)
        #expect(!outcome.findings.contains { $0.ruleID.hasSuffix("/backup-missing") || $0.ruleID.hasSuffix("/backup-not-offsite") })
        #expect(!outcome.findings.contains { $0.ruleID.hasSuffix("/backup-stale") })
        #expect(try done("backup-each-company", "Atelier Martin", in: outcome))
        #expect(try done("copy-backup-off-machine", "Atelier Martin", in: outcome))
    }

    @Test func theCopiesOfOneMomentAreOneBackupHoldingEveryFile() throws {
        let pc = try windowsVolume(#function + "-pc")
        let nas = try VolumeBuilder.temporary(#function + "-nas")
        defer { pc.remove(); nas.remove() }
        try pc.file("Users/marie/Documents/Invoice2go/Atelier Martin/Factures/F-1.pdf", Samples.pdf("f1"), modified: daysAgo(3))
        let folder = "FileHistory/marie/PC-MARIE/Data/C/Users/marie/Documents/Invoice2go/Atelier Martin"
        let moment = suffix(daysAgo(1))
        try nas.file("\(folder)/company\(moment).mdb", Samples.accessDatabase("a"), modified: daysAgo(3))
        try nas.file("\(folder)/Factures/F-1\(moment).pdf", Samples.pdf("f1"), modified: daysAgo(3))
        let inventory = try scan([pc, nas])
        let copies = inventory.backups.filter { $0.source == .fileHistory }
        #expect(copies.count == 1)
        let set = try #require(copies.first?.setFiles)
        #expect(set.map(\.location.path.lastComponent) == ["Factures/F-1\(moment).pdf", "company\(moment).mdb"].map {
            VolumePath(bytes: Array("\(folder)/\($0)".utf8)).lastComponent })
        #expect(copies.first?.file.size == set.reduce(0) { $0 + $1.size })
    }

    @Test func anOlderFileHistoryCopyIsShownNotTicked() throws {
        let pc = try windowsVolume(#function + "-pc", changed: 2)
        let usb = try VolumeBuilder.temporary(#function + "-usb")
        defer { pc.remove(); usb.remove() }
        // Copied from a redirected Documents folder on D:: matched by the company folder's name.
        let folder = "FileHistory/marie/PC-MARIE/Data/D/Documents/Invoice2go/Atelier Martin"
        try usb.file("\(folder)/company\(suffix(daysAgo(5))).mdb", Samples.accessDatabase("old"), modified: daysAgo(6))
        let inventory = try scan([pc, usb])
        let copy = try #require(inventory.backups.first { $0.source == .fileHistory })
        #expect(copy.companies == ["Atelier Martin"])
        #expect(copy.evidence.contains { $0.signature == "backup.file-history-match" && $0.confidence == .medium })

        let outcome = try judge(inventory)
        #expect(!outcome.findings.contains { $0.ruleID.hasSuffix("/backup-missing") })
        #expect(!(try done("backup-each-company", "Atelier Martin", in: outcome)))
        #expect(!(try done("copy-backup-off-machine", "Atelier Martin", in: outcome)))
        let step = try #require(outcome.checklist.first { $0.id == "invoice2go-classic/copy-backup-off-machine" })
        #expect(step.items.first?.evidence.contains("outdated off-machine copy") == true)
    }

    @Test func aFileHistoryCopyOfAnUnknownCompanyMakesItKnownFromTheBackup() throws {
        let nas = try VolumeBuilder.temporary(#function)
        defer { nas.remove() }
        let folder = "FileHistory/paul/OLD-PC/Data/C/Users/paul/Documents/Invoice2go/Garage Lefebvre"
        try nas.file("\(folder)/garage\(suffix(daysAgo(300))).mdb", Samples.accessDatabase("garage"), modified: daysAgo(301))
        let inventory = try scan(nas)
        let garage = try #require(inventory.companies.first)
        #expect(garage.name == "Garage Lefebvre" && garage.isBackupOnly)
        #expect(inventory.backups.first?.companies == ["Garage Lefebvre"])
    }

    @Test func anMrimgIsListedAndTicksNothing() throws {
        let pc = try windowsVolume(#function + "-pc")
        let usb = try VolumeBuilder.temporary(#function + "-usb")
        defer { pc.remove(); usb.remove() }
        try usb.file("Images/Backups/Reflect/PC-MARIE-00-00.mrimg", text: "not a format Sunset reads", modified: daysAgo(1))
        // Named like an Acronis image, but not one by content: not listed.
        try usb.file("Images/Backups/Acronis/fake.tib", text: "just text", modified: daysAgo(1))
        var tib = Data([0xCE, 0x24, 0xB9, 0xA2, 0x20, 0x00, 0x00, 0x00])
        tib.append(Data((0..<600).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }))
        try usb.file("Images/Backups/Acronis/PC-MARIE_full_b1_s1_v1.tib", tib, modified: daysAgo(2))
        let inventory = try scan([pc, usb])
        let whole = inventory.wholeComputerBackups ?? []
        #expect(whole.map(\.tool) == ["acronis-tib", "macrium-reflect"])
        let reflect = try #require(whole.first { $0.tool == "macrium-reflect" })
        #expect(reflect.content == .unreadable && reflect.recognition == .nameAndStructure)
        #expect(reflect.placement == .otherVolume)
        #expect(abs(reflect.date.timeIntervalSince(daysAgo(1))) < 2)
        #expect(whole.first { $0.tool == "acronis-tib" }?.recognition == .content)
        #expect(inventory.backups.isEmpty)

        let outcome = try judge(inventory)
        let missing = try #require(outcome.findings.first { $0.ruleID == "invoice2go-classic/backup-missing" })
        #expect(missing.message.contains("A backup of the whole computer was found (Macrium Reflect"))
        #expect(!(try done("backup-each-company", "Atelier Martin", in: outcome)))
        #expect(!(try done("copy-backup-off-machine", "Atelier Martin", in: outcome)))
    }

    @Test func aWindowsSystemImageSetIsListedWithItsDateAndPlacement() throws {
        let pc = try windowsVolume(#function + "-pc")
        let usb = try VolumeBuilder.temporary(#function + "-usb")
        defer { pc.remove(); usb.remove() }
        let set = "WindowsImageBackup/PC-MARIE/Backup 2026-11-27 201500"
        try usb.file("\(set)/3f2c1a.vhdx", text: "vhdxfile", modified: daysAgo(0.5))
        try usb.file("\(set)/BackupSpecs.xml", text: "<specs/>", modified: daysAgo(0.5))
        try usb.file("\(set)/Catalog/GlobalCatalog", text: "catalog", modified: daysAgo(0.5))
        try usb.file("WindowsImageBackup/PC-MARIE/MediaId", text: "id", modified: daysAgo(0.5))
        // A set folder without its files is not a set; a Clonezilla image folder is one by its names.
        try usb.folder("WindowsImageBackup/PC-MARIE/Backup 2025-01-01 000000")
        try usb.file("2026-11-20-18-img/clonezilla-img", text: "log", modified: daysAgo(9))
        try usb.file("2026-11-20-18-img/parts", text: "sda1 sda2", modified: daysAgo(9))
        let inventory = try scan([pc, usb])
        let whole = inventory.wholeComputerBackups ?? []
        #expect(whole.map(\.tool) == ["clonezilla", "windows-system-image"])
        let image = try #require(whole.first { $0.kind == .systemImage })
        #expect(image.location.path.description == set)
        #expect(image.computer == "PC-MARIE")
        #expect(image.dateSource == .folderName)
        #expect(image.date == WholeComputerFinder.setDate("2026-11-27 201500"))
        #expect(image.placement == .otherVolume)
        #expect(image.content == .notOpened)
        #expect(image.companiesInside.isEmpty)
        #expect(whole.first { $0.tool == "clonezilla" }?.dateSource == .newestFile)
        // Not opened: it is no company's backup, and the missing-backup finding stays.
        #expect(inventory.readableBackups(of: inventory.companies[0]).isEmpty)
        let outcome = try judge(inventory)
        #expect(outcome.findings.contains { $0.ruleID == "invoice2go-classic/backup-missing" })
    }

    @Test func anOpenedImageHoldingTheCompanyCountsWithTheFreshEvidenceRule() throws {
        let pc = try windowsVolume(#function + "-pc", changed: 3)
        let usb = try VolumeBuilder.temporary(#function + "-usb")
        defer { pc.remove(); usb.remove() }
        try usb.file("WindowsImageBackup/PC-MARIE/Backup 2020-01-01 000000/disk.vhdx", text: "vhdxfile")
        var inventory = try scan([pc, usb])
        // What image reading will do: open the set and record the company found inside.
        func opened(taken: Date) -> [WholeComputerBackup] {
            inventory.wholeComputerBackups!.map { backup in
                var backup = backup
                backup.content = .opened
                backup.date = taken
                backup.companiesInside = [.init(product: "invoice2go-classic", name: "Atelier Martin", dataChanged: daysAgo(3))]
                return backup
            }
        }
        inventory.wholeComputerBackups = opened(taken: daysAgo(1))
        var outcome = try judge(inventory)
        #expect(!outcome.findings.contains { $0.ruleID.hasSuffix("/backup-missing") })
        #expect(try done("copy-backup-off-machine", "Atelier Martin", in: outcome))
        // Taken before the last change: shown, not ticked.
        inventory.wholeComputerBackups = opened(taken: daysAgo(10))
        outcome = try judge(inventory)
        #expect(!(try done("copy-backup-off-machine", "Atelier Martin", in: outcome)))
        #expect(!outcome.findings.contains { $0.ruleID.hasSuffix("/backup-missing") })
    }
}

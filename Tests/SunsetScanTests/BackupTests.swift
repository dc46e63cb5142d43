import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// Backups are matched to companies and proven readable, or reported with the reason.
@Suite struct BackupTests {
    func volume(_ name: String) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        try company(volume, "Dupont")
        try company(volume, "Leroy")
        return volume
    }

    @Test func aGoodZipIsReadableAndBelongsToTheCompanyItNames() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        try volume.zip("Backups/Dupont backup.zip", entries: [("company.mdb", Samples.accessDatabase())])
        let backup = try #require(try scan(volume).backup(named: "Dupont backup.zip"))
        #expect(backup.readable)
        #expect(backup.companies == ["Dupont"])
        #expect(backup.placement == .local)
        #expect(backup.evidence.contains { $0.signature == "backup.checked" })
    }

    @Test func truncatedAndEmptyZipsAreUnreadable() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let good = try volume.zip("Backups/tmp.zip", entries: [("company.mdb", Samples.accessDatabase())])
        let bytes = try Data(contentsOf: good)
        try FileManager.default.removeItem(at: good)
        try volume.file("Backups/Dupont backup truncated.zip", bytes.prefix(bytes.count - 30))
        try volume.file("Backups/Dupont backup empty.zip", Data())
        try volume.file("Backups/Dupont backup no entries.zip", Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)))
        let inventory = try scan(volume)
        let truncated = try #require(inventory.backup(named: "Dupont backup truncated.zip"))
        #expect(!truncated.readable)
        #expect(truncated.problem?.contains("truncated") == true)
        #expect(inventory.backup(named: "Dupont backup empty.zip")?.problem == "empty file")
        #expect(inventory.backup(named: "Dupont backup no entries.zip")?.problem == "empty zip archive (no entries)")
    }

    @Test func aCRCMismatchMakesABackupUnreadable() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        // Stored entry, so the flipped byte is in the data and not in the deflate stream.
        let url = try volume.zip("Backups/Leroy sauvegarde.zip", entries: [("leroy.mdb", Data(repeating: 0x41, count: 4000))],
                                 stored: true)
        var bytes = try Data(contentsOf: url)
        let at = try #require(bytes.firstRange(of: Data(repeating: 0x41, count: 16))).lowerBound
        bytes[at + 100] = 0x42
        try bytes.write(to: url)
        let backup = try #require(try scan(volume).backup(named: "Leroy sauvegarde.zip"))
        #expect(!backup.readable)
        #expect(backup.problem == "CRC-32 mismatch in 'leroy.mdb'")
        #expect(backup.companies == ["Leroy"])
    }

    @Test func entriesNamingACompanysDataFileTieTheArchiveToIt() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Users/marie/Documents/Invoice2go/Dupont/dupont-2019.mdb", Samples.accessDatabase())
        try company(volume, "Leroy")
        try volume.zip("Archive/weekly.zip", entries: [("dupont-2019.mdb", Samples.accessDatabase())])
        try volume.zip("Archive/holiday-photos.zip", entries: [("beach.jpg", Data([0xFF, 0xD8]))])
        let inventory = try scan(volume)
        let weekly = try #require(inventory.backup(named: "weekly.zip"))
        #expect(weekly.companies == ["Dupont"])
        #expect(weekly.evidence.contains { $0.signature == "backup.entries" })
        #expect(inventory.backup(named: "holiday-photos.zip") == nil)
    }

    @Test func otherArchiveFormatsGetHeaderAndSizeChecks() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        try volume.file("Backups/Dupont backup.gz", Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]))
        var sevenZip: [UInt8] = [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04] + [UInt8](repeating: 0, count: 24)
        sevenZip[12] = 0xFF; sevenZip[13] = 0xFF  // next header far past the end
        try volume.file("Backups/Leroy backup.7z", Data(sevenZip + [UInt8](repeating: 1, count: 64)))
        let inventory = try scan(volume)
        #expect(inventory.backup(named: "Dupont backup.gz")?.problem?.contains("truncated gzip") == true)
        #expect(inventory.backup(named: "Leroy backup.7z")?.problem?.contains("truncated 7z") == true)
    }

    @Test func aFreshBackupInOneDriveIsOffTheMachine() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        try volume.zip("Users/marie/OneDrive/Backups/Dupont backup.zip", entries: [("company.mdb", Samples.accessDatabase())],
                       modified: daysAgo(1))
        try volume.zip("Users/marie/OneDrive - Atelier SARL/Leroy backup.zip", entries: [("company.mdb", Samples.accessDatabase())])
        try volume.zip("Users/marie/Dropbox/x/Leroy sauvegarde.zip", entries: [("company.mdb", Samples.accessDatabase())])
        let inventory = try scan(volume)
        let dupont = try #require(inventory.backup(named: "Dupont backup.zip"))
        #expect(dupont.placement == .cloud)
        #expect(dupont.placement.isOffMachine)
        #expect(dupont.cloudProvider == "OneDrive")
        #expect(inventory.backup(named: "Leroy backup.zip")?.cloudProvider == "OneDrive")
        #expect(inventory.backup(named: "Leroy sauvegarde.zip")?.cloudProvider == "Dropbox")
        #expect(inventory.cloudFolders.map(\.location.path.description) == [
            "Users/marie/Dropbox", "Users/marie/OneDrive", "Users/marie/OneDrive - Atelier SARL",
        ])
        #expect(inventory.cloudFolders.map(\.provider) == ["Dropbox", "OneDrive", "OneDrive"])
    }

    @Test func aBackupOnAnotherScanRootIsOnAnotherVolume() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let usb = try VolumeBuilder.temporary("usb")
        defer { usb.remove() }
        try usb.zip("Dupont backup.zip", entries: [("company.mdb", Samples.accessDatabase())])
        let inventory = try scan([volume, usb])
        let backup = try #require(inventory.backup(named: "Dupont backup.zip"))
        #expect(backup.placement == .otherVolume)
        #expect(backup.file.location.root == 1)
    }

    @Test func zipBombsCostBoundedWork() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        // 64 MiB of zeros deflate about 1000:1: over the ratio limit, so never inflated.
        try volume.zip("Backups/Dupont backup bomb.zip", entries: [("company.mdb", Data(count: 64 << 20))])
        // An entry whose headers claim 100 bytes but whose data inflates to 1 MiB.
        let liar = try volume.zip("Backups/Leroy backup liar.zip", entries: [("company.mdb", Data(repeating: 7, count: 1 << 20))])
        var bytes = try Data(contentsOf: liar)
        for signature in [Data([0x50, 0x4B, 0x03, 0x04]), Data([0x50, 0x4B, 0x01, 0x02])] {
            let header = try #require(bytes.firstRange(of: signature)).lowerBound
            let sizeOffset = header + (signature[2] == 0x03 ? 22 : 24)
            bytes.replaceSubrange(sizeOffset..<sizeOffset + 4, with: [100, 0, 0, 0])
        }
        try bytes.write(to: liar)
        let inventory = try scan(volume)
        let bomb = try #require(inventory.backup(named: "Dupont backup bomb.zip"))
        #expect(!bomb.readable)
        #expect(bomb.problem?.hasPrefix("not checked: 'company.mdb' claims a ") == true, "\(bomb.problem ?? "")")
        let lying = try #require(inventory.backup(named: "Leroy backup liar.zip"))
        #expect(lying.problem == "'company.mdb' inflates past its declared size")
    }
}

import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// Documents and OneDrive folders that the users' hives record, translated to the volume.
@Suite struct UserFolderTests {
    /// marie moved Documents into her OneDrive folder, which she named "Nuage" (not "OneDrive").
    func marieVolume(_ name: String, hive: Bool = true) throws -> VolumeBuilder {
        let volume = try windowsVolume(name, users: hive ? ["marie": .marie] : [:])
        try volume.file("Users/marie/Nuage/Documents/Invoice2go/Dupont/company.mdb", Samples.accessDatabase(), modified: daysAgo(2))
        try volume.zip("Users/marie/Nuage/Documents/Sauvegardes/Dupont backup.zip",
                       entries: [("company.mdb", Samples.accessDatabase())], modified: daysAgo(1))
        return volume
    }

    @Test func documentsRelocatedToOneDriveMakesABackupThereOffMachine() throws {
        let volume = try marieVolume(#function)
        defer { volume.remove() }
        let inventory = try scan(volume)
        let company = try #require(inventory.companies.first)
        #expect(inventory.companies.map(\.name) == ["Dupont"])
        #expect(company.folder.path.description == "Users/marie/Nuage/Documents/Invoice2go/Dupont")
        #expect(company.confidence == .high)
        #expect(company.evidence.first?.detail.contains("Users/marie/NTUSER.DAT") == true)
        let backup = try #require(inventory.backup(named: "Dupont backup.zip"))
        #expect(backup.readable)
        #expect(backup.companies == ["Dupont"])
        #expect(backup.placement == .cloud)
        #expect(backup.placement.isOffMachine)
        #expect(backup.cloudProvider == "OneDrive")
        #expect(inventory.cloudFolders.map(\.location.path.description) == ["Users/marie/Nuage"])
    }

    @Test func withoutTheHiveTheSameFolderIsNeitherDocumentsNorCloud() throws {
        let volume = try marieVolume(#function, hive: false)
        defer { volume.remove() }
        let inventory = try scan(volume)
        #expect(inventory.cloudFolders.isEmpty)
        #expect(inventory.userFolders == nil)
        #expect(inventory.backups.allSatisfy { $0.placement == .local })
        #expect(!inventory.companies.contains { $0.evidence.contains { $0.signature == "company.folders" } })
    }

    @Test func userShellFoldersExpandTheProfileAndMatchNamesInAnyCase() throws {
        let volume = try marieVolume(#function)
        defer { volume.remove() }
        let folders = try #require(try scan(volume).userFolders)
        #expect(folders.map(\.kind) == [.documents, .oneDrive, .oneDrive])
        let documents = folders[0]
        #expect(documents.user == "marie")
        #expect(documents.recorded == "%USERPROFILE%\\Nuage\\Documents")
        #expect(documents.key.hasSuffix("User Shell Folders\\Personal"))  // ahead of the stale Shell Folders copy
        #expect(documents.location?.path.description == "Users/marie/Nuage/Documents")
        // "C:\USERS\Marie\nuage" is the folder Users/marie/Nuage; the business account is on D:.
        #expect(folders[1].recorded == "D:\\OneDrive - Atelier SARL")
        #expect(folders[1].location == nil)
        #expect(folders[2].recorded == "C:\\USERS\\Marie\\nuage")
        #expect(folders[2].location?.path.description == "Users/marie/Nuage")
    }

    @Test func shellFoldersAreReadWhenUserShellFoldersAreMissing() throws {
        let volume = try windowsVolume(#function, users: ["paul": .paul])
        defer { volume.remove() }
        try volume.file("Compta/Documents Paul/Invoice2go/Leroy/leroy.mdb", Samples.accessDatabase())
        let inventory = try scan(volume)
        let documents = try #require(inventory.userFolders?.first)
        #expect(documents.key.hasSuffix("\\Shell Folders\\Personal"))
        #expect(documents.recorded == "c:\\COMPTA\\documents paul")
        #expect(documents.location?.path.description == "Compta/Documents Paul")
        #expect(inventory.companies.map(\.name) == ["Leroy"])
        #expect(inventory.companies.first?.evidence.first?.signature == "company.folders")
    }
}

import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
import SunsetScan
import Testing

/// Installed programs from the uninstall keys of real hives, and the installations they prove.
@Suite struct InstalledProgramTests {
    @Test func anInvoice2goEntryUnderWOW6432NodeIsFoundWithItsVersion() throws {
        let volume = try windowsVolume(#function, software: .software11)
        defer { volume.remove() }
        try volume.file("Program Files (x86)/Invoice2go/Invoice2go.exe", PEImages.invoice2go)
        let inventory = try scan(volume)
        let program = try #require(inventory.installedPrograms?.first { $0.name == "Invoice2go Classic" })
        #expect(program.key == "WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Invoice2go")
        #expect(program.version == "4.4.3")
        #expect(program.location?.path.description == "Program Files (x86)/Invoice2go")
        #expect(program.hive.path.description == "Windows/System32/config/SOFTWARE")

        #expect(inventory.installations.count == 1)
        let installation = try #require(inventory.installations.first)
        #expect(installation.location.path.description == "Program Files (x86)/Invoice2go")
        #expect(installation.version == "4.4.3")  // DisplayVersion, not the file's 4.4.3.0
        #expect(installation.confidence == .high)
        let registry = try #require(installation.evidence.first)
        #expect(registry.signature == "installation.registry")
        #expect(registry.detail.contains("WOW6432Node"))
        #expect(installation.evidence.contains { $0.signature == "installation.version-info" })
    }

    @Test func theRegistryAloneProvesAnInstallationWhoseFolderIsGone() throws {
        let volume = try windowsVolume(#function, software: .software11)
        defer { volume.remove() }
        let inventory = try scan(volume)
        let installation = try #require(inventory.installations.first)
        #expect(inventory.installations.count == 1)
        #expect(installation.location.path.description == "Windows/System32/config/SOFTWARE")
        #expect(installation.version == "4.4.3")
        #expect(installation.confidence == .high)
        #expect(installation.evidence.map(\.signature) == ["installation.registry"])
        #expect(installation.evidence[0].detail.contains("is not under this root"))
    }

    @Test func everyNamedProgramIsListedSortedWithWhereItWasRead() throws {
        let volume = try windowsVolume(#function, software: .software11, users: ["marie": .marie])
        defer { volume.remove() }
        try volume.folder("Program Files/Mozilla Firefox")
        let programs = try #require(try scan(volume).installedPrograms)
        // The entry without a DisplayName (a hidden component) is left out.
        #expect(programs.map(\.name) == ["7-Zip 9.20", "Carnet d'adresses", "Invoice2go Classic", "Microsoft OneDrive",
                                         "Mozilla Firefox (x64 fr)"])
        let carnet = try #require(programs.first { $0.name == "Carnet d'adresses" })
        #expect(carnet.publisher == "Éditions Léa")
        #expect(carnet.installDate == "20221105")
        #expect(carnet.user == nil)
        let firefox = try #require(programs.first { $0.name.hasPrefix("Mozilla") })
        #expect(firefox.installLocation == "C:\\Program Files\\Mozilla Firefox")
        #expect(firefox.location?.path.description == "Program Files/Mozilla Firefox")
        #expect(programs.first { $0.name.hasPrefix("7-Zip") }?.location == nil)  // its folder is not on this disk
    }

    @Test func perUserEntriesComeFromEachUsersHive() throws {
        let volume = try windowsVolume(#function, users: ["marie": .marie, "paul": .paul])
        defer { volume.remove() }
        try volume.file("Users/paul/AppData/Local/Invoice2go/notes.txt", text: "program files")
        let inventory = try scan(volume)
        let programs = try #require(inventory.installedPrograms)
        #expect(programs.map(\.name) == ["Invoice2go", "Microsoft OneDrive"])
        #expect(programs.map(\.user) == ["paul", "marie"])
        #expect(programs.map(\.hive.path.description) == ["Users/paul/NTUSER.DAT", "Users/marie/NTUSER.DAT"])
        #expect(programs[0].key == "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Invoice2go")
        let installation = try #require(inventory.installations.first)
        #expect(installation.location.path.description == "Users/paul/AppData/Local/Invoice2go")
        #expect(installation.version == "4.1.0")
        #expect(installation.evidence.first?.detail.contains("installed for paul alone") == true)
    }

    @Test func aWindows7EntryStrengthensTheProgramFolderFoundByItsFiles() throws {
        let volume = try windowsVolume(#function, software: .software7, kernel: "ntoskrnl-7601-32")
        defer { volume.remove() }
        try volume.file("PROGRAM FILES/Invoice2go/Invoice2go.exe", PEImages.invoice2go)
        let inventory = try scan(volume)
        #expect(inventory.installations.count == 1)
        let installation = try #require(inventory.installations.first)
        #expect(installation.location.path.description == "PROGRAM FILES/Invoice2go")
        #expect(installation.version == "4.2.1")
        #expect(installation.evidence.map(\.signature).prefix(2) == ["installation.registry", "installation.folders"])
        #expect(inventory.installedPrograms?.first?.key == "Microsoft\\Windows\\CurrentVersion\\Uninstall\\Invoice2go")
    }

    @Test func aPackWithoutRegistryNamesIgnoresTheEntries() throws {
        let volume = try windowsVolume(#function, software: .software11)
        defer { volume.remove() }
        var signatures = try #require(try SunsetRules.PackSet.builtIn().first).signatures
        signatures.registryNames = []
        let inventory = try SunsetScan.Scanner(options: .init(roots: [volume.root.path], signatures: [signatures])).scan()
        #expect(inventory.installations.isEmpty)
        #expect(inventory.installedPrograms?.count == 4)  // still listed for other packs
    }

    @Test func aVolumeWithoutHivesHasNoProgramList() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.folder("Windows/System32")
        #expect(try scan(volume).installedPrograms == nil)
    }
}

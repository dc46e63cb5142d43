import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// Companies in the standard places and in custom "Install in Folder" locations.
@Suite struct CompanyTests {
    @Test func companiesInDocumentsAndPublicDocuments() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try company(volume, "Dupont", modified: daysAgo(10))
        try volume.file("Users/marie/Documents/Invoice2go/Dupont/sent/INV-1.pdf", Samples.pdf(), modified: daysAgo(2))
        try volume.file("Users/Public/Documents/Invoice2go/Leroy/data.db", Samples.sqliteDatabase(), modified: daysAgo(4))
        try volume.file("Users/marie/Documents/Invoice2go/Dupont/tool.exe", Samples.executable(), modified: daysAgo(1))
        let companies = try scan(volume).companies
        #expect(companies.map(\.name) == ["Leroy", "Dupont"])
        let dupont = try #require(companies.first { $0.name == "Dupont" })
        #expect(dupont.dataFiles.map(\.location.path.description) == [
            "Users/marie/Documents/Invoice2go/Dupont/company.mdb",
            "Users/marie/Documents/Invoice2go/Dupont/sent/INV-1.pdf",
        ])
        #expect(abs(dupont.lastChange!.timeIntervalSince(daysAgo(2))) < 1)
        #expect(dupont.evidence.first?.signature == "company.folders")
        #expect(dupont.confidence == .high)
        #expect(dupont.dataFiles.first?.kind.contains("Access") == true)
    }

    @Test func aCustomFolderNamedAfterTheProductIsACompanyWithItsOwnName() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Compta/Invoice2go - Atelier Martin/atelier.mdb", Samples.accessDatabase())
        try volume.file("Data/INVOICE2GO_Boulangerie/b.mdb", Samples.accessDatabase())
        try volume.file("Empty/Invoice2go - Nothing/readme.txt", text: "no data here")
        let companies = try scan(volume).companies
        #expect(companies.map(\.name).sorted() == ["Atelier Martin", "Boulangerie"])
        let atelier = try #require(companies.first { $0.name == "Atelier Martin" })
        #expect(atelier.folder.path.description == "Compta/Invoice2go - Atelier Martin")
        #expect(atelier.evidence.first?.signature == "company.markers")
        #expect(atelier.confidence == .medium)
    }

    @Test func theProgramFolderIsNeverACompany() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Program Files (x86)/Invoice2go/Invoice2go.exe", PEImages.invoice2go)
        try volume.file("Program Files (x86)/Invoice2go/templates.mdb", Samples.accessDatabase())
        let inventory = try scan(volume)
        #expect(inventory.companies.isEmpty)
        let installation = try #require(inventory.installations.first)
        #expect(installation.version == "4.4.3.0")
        #expect(installation.confidence == .high)
        #expect(installation.evidence.map(\.signature) == [
            "installation.folders", "installation.executables", "installation.version-info",
        ])
    }

    @Test func anExecutableNamedOtherwiseIsFoundByItsVersionResource() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Program Files/Invoice2go Classic/i2g.exe", PEImages.invoice2go)
        try volume.file("Program Files/Acme/acme.exe", Data(contentsOf: fixtures.appendingPathComponent("pe/other-app.exe")))
        let inventory = try scan(volume)
        #expect(inventory.installations.count == 1)
        #expect(inventory.installations.first?.evidence.contains { $0.signature == "installation.version-info" } == true)
    }
}

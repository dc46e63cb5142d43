import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// Companies, backups and exports beyond the reference layout: old and localized profiles,
/// hand-made copies, data told by content, backups told by their entries, exports credited
/// by place (issue 12, items 1–4 and 7).
@Suite struct DiscoveryTests {
    // MARK: - Company data anywhere

    @Test func aCompanyInALocalizedOldProfileOnABareCopyOfAUserFolder() throws {
        // The root is a user's folder copied to a USB disk by hand: no Windows, no program.
        let parent = try VolumeBuilder.temporary(#function)
        defer { parent.remove() }
        let copy = try VolumeBuilder(root: parent.url("Copie portable 2018"))
        try copy.file("Mes documents/Invoice2go/Atelier Martin/atelier.dat", Samples.accessDatabase(), modified: daysAgo(400))
        try copy.file("Mes documents/Invoice2go/Atelier Martin/Factures/F-12.pdf", Samples.pdf(), modified: daysAgo(390))
        try copy.file("Bureau/notes.txt", text: "rien")
        let inventory = try scan(copy)
        let company = try #require(inventory.companies.first)
        #expect(inventory.companies.count == 1)
        #expect(company.name == "Atelier Martin")
        #expect(company.folder.path.description == "Mes documents/Invoice2go/Atelier Martin")
        #expect(company.dataFiles.count == 2)
        #expect(company.confidence == .medium)
        let evidence = try #require(company.evidence.first)
        #expect(evidence.signature == "company.data-folders")
        #expect(evidence.detail.contains("no Windows volume"))
        #expect(evidence.root == 0)
        // A plain folder: no operating system is attached to it (item 7).
        #expect(inventory.roots[0].host.isNone)
        #expect(!inventory.roots[0].isWindowsVolume)
    }

    @Test func anXPProfileInAnyLanguageIsAReferencePlace() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.folder("WINDOWS/system32")
        try volume.file("Documents and Settings/marie/Mes documents/Invoice2go/Dupont/dupont.mdb", Samples.accessDatabase())
        try volume.file("Documents and Settings/hans/Eigene Dateien/Invoice2go/Müller/m.mdb", Samples.accessDatabase())
        let companies = try scan(volume).companies
        #expect(companies.map(\.name).sorted() == ["Dupont", "Müller"])
        #expect(companies.allSatisfy { $0.confidence == .high && $0.evidence.first?.signature == "company.folders" })
    }

    @Test func aDataFolderAnywhereHoldsCompaniesAndItsOwnFilesAreOne() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("NAS/partage/old laptop/D/Invoice2go/Plomberie/p.db", Samples.sqliteDatabase())
        try volume.file("NAS/partage/old laptop/D/Invoice2go/Menuiserie/m.mdb", Samples.accessDatabase())
        try volume.file("NAS/partage/Cabinet Roux/INVOICE2GO/roux.mdb", Samples.accessDatabase())
        let companies = try scan(volume).companies
        #expect(companies.map(\.name).sorted() == ["Cabinet Roux", "Menuiserie", "Plomberie"])
        #expect(companies.allSatisfy { $0.confidence == .medium })
    }

    @Test func aFolderNamedAfterTheProductHoldsCompaniesWhenItHoldsNoDataItself() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        // A renamed copy of the data folder: its subfolders are the companies.
        try volume.file("E/Copie Invoice2go 2018/Atelier/a.mdb", Samples.accessDatabase())
        try volume.file("E/Copie Invoice2go 2018/Garage/g.mdb", Samples.accessDatabase())
        // A custom "Install in Folder" company with a subfolder of its own: one company.
        try volume.file("Compta/Invoice2go - Martin/m.mdb", Samples.accessDatabase())
        try volume.file("Compta/Invoice2go - Martin/Factures/F-1.pdf", Samples.pdf())
        let companies = try scan(volume).companies
        #expect(companies.map(\.name).sorted() == ["Atelier", "Garage", "Martin"])
        #expect(companies.first { $0.name == "Martin" }?.dataFiles.count == 2)
    }

    @Test func aRootThatIsTheDataFolderItselfHoldsItsCompanies() throws {
        let parent = try VolumeBuilder.temporary(#function)
        defer { parent.remove() }
        let root = try VolumeBuilder(root: parent.url("Invoice2go"))
        try root.file("Garage Petit/petit.mdb", Samples.accessDatabase())
        let companies = try scan(root).companies
        #expect(companies.map(\.name) == ["Garage Petit"])
        #expect(companies.first?.folder.path.description == "Garage Petit")
    }

    @Test func aCopiedProgramFolderIsNoCompany() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("old laptop/Invoice2go/Invoice2go.exe", PEImages.invoice2go)
        try volume.file("old laptop/Invoice2go/Templates/classic.mdb", Samples.accessDatabase())
        try volume.file("old laptop/Invoice2go/readme.txt", text: "Invoice2go Classic")
        let inventory = try scan(volume)
        #expect(inventory.companies.isEmpty)
        #expect(inventory.installations.count == 1)
    }

    // MARK: - Data files by content

    @Test func contentDecidesWhatIsDataWhateverTheName() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let folder = "Users/marie/Documents/Invoice2go/Dupont"
        try volume.file("\(folder)/invoices.jpg", Samples.accessDatabase())       // a database with a misleading extension
        try volume.file("\(folder)/ledger", Samples.sqliteDatabase())             // no extension at all
        try volume.file("\(folder)/dupont.i2x", Samples.accessDatabase())         // a made-up extension
        try volume.file("\(folder)/company.mdb", text: "this is not a database")  // named like one, is not
        try volume.file("\(folder)/setup.exe", Samples.executable())              // executables never are
        let company = try #require(try scan(volume).companies.first)
        #expect(company.dataFiles.map(\.location.path.lastComponent) == ["dupont.i2x", "invoices.jpg", "ledger"])
    }

    /// dBase and FoxPro tables are a company's data (issue 21): a folder of `.dbf` files,
    /// whatever their names, is a company; a text file named `.dbf` is not data.
    @Test func aFolderOfDBaseTablesIsACompany() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let folder = volume.url("Compta/Invoice2go - Boucherie Roux")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fields = [DBFWriter.Field("NOM", .character(20))]
        _ = try DBFWriter(.dBase3, fields: fields, records: [DBFWriter.Record([.text("Dupont")])]).write(to: folder, name: "CLIENTS")
        _ = try DBFWriter(.foxPro2, fields: fields, records: [DBFWriter.Record([.text("Vis")])])
            .write(to: folder, name: "stock", tableExtension: "tab")
        try volume.file("Compta/Invoice2go - Boucherie Roux/notes.dbf", text: "not a table\n")
        let company = try #require(try scan(volume).companies.first)
        #expect(company.name == "Boucherie Roux")
        #expect(company.dataFiles.map(\.location.path.lastComponent) == ["CLIENTS.dbf", "stock.tab"])
    }

    // MARK: - Backups by content

    @Test func aNeutralNamedZipHoldingACompanysFilesIsItsBackup() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Users/marie/Documents/Invoice2go/Dupont/dupont-2019.mdb", Samples.accessDatabase())
        try volume.file("Users/marie/Documents/Invoice2go/Leroy/leroy.mdb", Samples.accessDatabase())
        try volume.zip("Users/marie/Desktop/2019-03.zip", entries: [("dupont-2019.mdb", Samples.accessDatabase())])
        try volume.zip("Users/marie/Desktop/photos.zip", entries: [("IMG_0001.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0]))])
        let inventory = try scan(volume)
        let backup = try #require(inventory.backup(named: "2019-03.zip"))
        #expect(backup.companies == ["Dupont"])
        #expect(backup.readable)
        #expect(backup.evidence.contains { $0.signature == "backup.entries" })
        #expect(inventory.backup(named: "photos.zip") == nil)
    }

    @Test func anArchiveOfAnUnknownCompanyMakesACompanyKnownOnlyFromIt() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.zip("Backups/copie.zip", entries: [
            ("Invoice2go/Boulangerie Leroy/leroy.mdb", Samples.accessDatabase()),
            ("Invoice2go/Boulangerie Leroy/Factures/F-1.pdf", Samples.pdf()),
        ])
        let inventory = try scan(volume)
        let company = try #require(inventory.companies.first)
        #expect(company.name == "Boulangerie Leroy")
        #expect(company.isBackupOnly)
        #expect(company.dataFiles.isEmpty)
        #expect(company.folder.path.description == "Backups/copie.zip")
        #expect(company.evidence.first?.signature == "company.backup-only")
        #expect(inventory.backup(named: "copie.zip")?.companies == ["Boulangerie Leroy"])
    }

    @Test func anArchiveOfTheProgramItselfMakesNoCompany() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.zip("Downloads/setup.zip", entries: [
            ("Invoice2go/Invoice2go.exe", PEImages.invoice2go),
            ("Invoice2go/Templates/classic.mdb", Samples.accessDatabase()),
        ])
        #expect(try scan(volume).companies.isEmpty)
    }

    // MARK: - Exports belong somewhere

    @Test func anExportInsideTheFolderIsTheCompanysAndNeverItsData() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let folder = "Users/marie/Documents/Invoice2go/Dupont"
        try volume.file("\(folder)/dupont.mdb", Samples.accessDatabase(), modified: daysAgo(20))
        try volume.file("\(folder)/clients.csv", text: Samples.clientCSV, modified: daysAgo(2))
        try volume.zip("\(folder)/produits.xlsx", entries: [
            ("[Content_Types].xml", Data("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ("xl/sharedStrings.xml", Data("<sst><si><t>Produit</t></si><si><t>Prix</t></si></sst>".utf8)),
        ], modified: daysAgo(1))
        let inventory = try scan(volume)
        let company = try #require(inventory.companies.first)
        #expect(company.dataFiles.map(\.location.path.lastComponent) == ["dupont.mdb"])
        #expect(abs(company.lastChange!.timeIntervalSince(daysAgo(20))) < 1)
        #expect(inventory.exports.map(\.companies) == [["Dupont"], ["Dupont"]])
        #expect(inventory.exports.allSatisfy { $0.evidence.contains { $0.signature == "export.company" } })
    }

    @Test func anExportWithNoClueAmongTwoCompaniesCreditsNobody() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try company(volume, "Dupont")
        try company(volume, "Leroy")
        try volume.file("Users/marie/Desktop/clients.csv", text: Samples.clientCSV)
        try volume.file("Users/marie/Desktop/leroy clients.csv", text: Samples.clientCSV)
        let inventory = try scan(volume)
        #expect(inventory.unattributedExports.map(\.file.location.path.lastComponent) == ["clients.csv"])
        #expect(inventory.unattributedExports.first?.evidence.last?.signature == "export.unattributed")
        let dupont = try #require(inventory.companies.first { $0.name == "Dupont" })
        #expect(inventory.exports(of: dupont).isEmpty)
        #expect(inventory.exports.first { $0.file.location.path.lastComponent == "leroy clients.csv" }?.companies == ["Leroy"])
    }

    @Test func anExportNextToACompanyFolderIsItsOwn() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Disque/copie 2018/Invoice2go - Leroy/l.mdb", Samples.accessDatabase())
        try volume.file("Disque/copie 2018/produits.csv", text: Samples.productCSV)
        try company(volume, "Dupont")
        let inventory = try scan(volume)
        #expect(inventory.exports.map(\.companies) == [["Leroy"]])
    }
}

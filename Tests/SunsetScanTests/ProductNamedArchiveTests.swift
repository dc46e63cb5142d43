import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
@testable import SunsetScan
import Testing

/// Archives whose own name carries the product's name: their data files belong to the company
/// a top-level folder names, or the archive's name names, and a company known from nothing
/// else is kept, judged and guided (issue 20, item 5).
@Suite struct ProductNamedArchiveTests {
    /// The findings and checklist the built-in packs give for an inventory, as of today.
    func judge(_ inventory: Inventory) throws -> RuleEngine.Outcome {
        RuleEngine(packs: try PackSet.builtIn()).evaluate(inventory, asOf: CalendarDay(now, timeZone: CalendarDay.utc))
    }

    @Test func aProductNamedArchiveOfAnUnknownCompanyMakesItKnownOnlyFromTheBackup() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        // One company on disk: today the archive would fall to it as "the only company".
        try company(volume, "Dupont")
        try volume.zip("Users/marie/Backups/Invoice2go backup Boucherie Roux.zip", entries: [
            ("Boucherie Roux/Boucherie Roux.mdb", Samples.accessDatabase("roux")),
            ("Boucherie Roux/Factures/F-2019-001.pdf", Samples.pdf()),
            ("Boucherie Roux/lisez-moi.txt", Data("notes".utf8)),
        ], modified: daysAgo(30))
        let inventory = try scan(volume)
        let roux = try #require(inventory.companies.first { $0.name == "Boucherie Roux" })
        #expect(roux.isBackupOnly)
        #expect(roux.dataFiles.isEmpty)
        #expect(roux.folder.path.description == "Users/marie/Backups/Invoice2go backup Boucherie Roux.zip")
        #expect(roux.evidence.first?.signature == "company.backup-only")
        let backup = try #require(inventory.backup(named: "Invoice2go backup Boucherie Roux.zip"))
        #expect(backup.companies == ["Boucherie Roux"])
        #expect(backup.readable)
        #expect(backup.evidence.contains { $0.signature == "backup.product-name" && $0.detail.contains("'Invoice2go'") })
        #expect(backup.evidence.contains { $0.signature == "backup.entries" && $0.detail.contains("Boucherie Roux/Boucherie Roux.mdb") })
        #expect(!backup.evidence.contains { $0.signature == "backup.only-company" })

        let outcome = try judge(inventory)
        let only = try #require(outcome.findings.first { $0.ruleID == "invoice2go-classic/only-backup-survives" })
        #expect(only.subject.name == "Boucherie Roux")
        let restore = try #require(outcome.checklist.first { $0.id == "invoice2go-classic/restore-from-backup" })
        #expect(restore.items.map(\.company) == ["Boucherie Roux"])
        #expect(restore.items.allSatisfy { !$0.done })
        // Dupont is still judged on its own: the archive is not its backup.
        #expect(outcome.findings.contains { $0.ruleID == "invoice2go-classic/backup-missing" && $0.subject.name == "Dupont" })
    }

    @Test func dataAtTheTopTakesTheCompanyFromTheArchivesNameWithoutBackupWordsAndDates() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.zip("USB/INVOICE2GO Datensicherung Metzgerei Huber 2024-03-01.zip",
                       entries: [("huber.mdb", Samples.accessDatabase("huber"))])
        let inventory = try scan(volume)
        #expect(inventory.companies.map(\.name) == ["Metzgerei Huber"])
        #expect(inventory.companies.first?.isBackupOnly == true)
        #expect(inventory.backups.first?.companies == ["Metzgerei Huber"])
    }

    @Test func eachTopFolderHoldingDataIsACompanyAndAKnownOneIsFoundAgain() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try company(volume, "Dupont")
        try volume.zip("Backups/invoice2go-sauvegarde-mars.zip", entries: [
            ("Dupont/company.mdb", Samples.accessDatabase("Dupont")),
            ("Garage Lefebvre 2017/garage.db", Samples.sqliteDatabase()),
            ("Photos 2018/IMG_0001.jpg", Samples.jpeg()),
            ("Sauvegarde 2019/vieux.mdb", Samples.accessDatabase()),
        ])
        let inventory = try scan(volume)
        #expect(inventory.companies.map(\.name).sorted() == ["Dupont", "Garage Lefebvre"])
        #expect(inventory.companies.first { $0.name == "Garage Lefebvre" }?.isBackupOnly == true)
        #expect(inventory.backups.first?.companies == ["Dupont", "Garage Lefebvre"])
    }

    @Test func aProductNamedArchiveWhoseNameLeavesNothingIsAttributedAsBefore() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try company(volume, "Dupont")
        try company(volume, "Leroy", modified: daysAgo(5))
        try volume.file("Users/marie/Documents/Invoice2go/Leroy/leroy-2019.mdb", Samples.accessDatabase())
        try volume.zip("Backups/Invoice2go Sicherung vom 3. März 2024.zip", entries: [("leroy-2019.mdb", Samples.accessDatabase())])
        let inventory = try scan(volume)
        #expect(inventory.companies.map(\.name).sorted() == ["Dupont", "Leroy"])
        #expect(inventory.backups.first?.companies == ["Leroy"])
    }

    @Test func aProductNamedArchiveWithoutDataOrHoldingTheProgramMakesNoCompany() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.zip("Downloads/Invoice2go screenshots Roux.zip", entries: [("Roux/screen1.jpg", Samples.jpeg()),
                                                                            ("notes.txt", Data("hello".utf8))])
        try volume.zip("Downloads/Invoice2go setup Roux.zip", entries: [("Roux/Invoice2go.exe", PEImages.invoice2go),
                                                                      ("Roux/Templates/classic.mdb", Samples.accessDatabase())])
        #expect(try scan(volume).companies.isEmpty)
    }

    @Test func theNameLeftOnceTheProductBackupWordsAndDatesAreOut() {
        let finder = ProductFinder(signatures: ProductSignatures(
            product: "invoice2go-classic", companyFolderMarkers: ["Invoice2go"],
            backupWords: ["backup", "sauvegarde", "sicherung", "copia de seguridad", "cópia de segurança", "back-up"]), volumes: [])
        let cases: [(String, String?)] = [
            ("Invoice2go backup Boucherie Roux", "Boucherie Roux"),
            ("Invoice2go Classic - Sauvegarde du 12 mars 2019 - Atelier_Martin", "Atelier_Martin"),
            ("invoice2go_Sicherung_vom_3._März_2020", nil),
            ("Invoice2go copia de seguridad de Panadería López 2021-05", "Panadería López"),
            ("INVOICE2GO CÓPIA DE SEGURANÇA 20190301", nil),
            ("Invoice2go back-up 2019 week 12", nil),
            ("Invoice2go backup Le Fournil", "Le Fournil"),
            ("Invoice2go Datensicherung Mars Bar", "Mars Bar"),
            ("Invoice2go backup x", nil),
            // A capitalised particle belongs to the name; a lower-case one joins.
            ("Invoice2go backup De Vries", "De Vries"),
            ("Invoice2go backup de Vries", "Vries"),
            ("Invoice2go copia de seguridad Da Silva Lda 2020", "Da Silva Lda"),
            ("INVOICE2GO SAUVEGARDE DU 12 MARS 2019", nil),
        ]
        for (name, expected) in cases {
            #expect(finder.companyNameLeft(in: name) == expected, "\(name)")
        }
    }
}

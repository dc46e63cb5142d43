import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
@testable import SunsetScan
import Testing

/// Backup names and client/product lists in German, Spanish, Italian, Dutch and Portuguese as
/// well as English and French, matched without regard to case or accents, as words (issue 20,
/// items 5 and 6).
@Suite struct MultilingualNameTests {
    // MARK: - Backups

    static let backupNames = [
        "Datensicherung 2024.zip", "SICHERUNG Firma.zip",                        // de
        "copia de seguridad enero.zip", "Respaldo_2024.zip",                     // es
        "salvataggio 2024.zip", "Copia di sicurezza.zip",                        // it
        "Reservekopie week 12.zip", "back-up maart.zip",                         // nl
        "Cópia de Segurança.zip", "COPIA DE SEGURANCA 2.zip", "CÓPIA DE SEGURANÇA 3.zip",  // pt
        "co\u{301}pia de seguranc\u{327}a 4.zip",                                // pt, decomposed accents (as macOS writes names)
        "Backup 2024.zip", "sauvegarde.zip",                                     // en, fr
    ]

    @Test(arguments: backupNames)
    func aBackupNamedInAnyLanguageIsABackup(_ name: String) throws {
        let volume = try VolumeBuilder.temporary("backup-\(name)")
        defer { volume.remove() }
        try company(volume, "Dupont")
        try volume.zip("Users/marie/Documents/Archives/\(name)", entries: [("notes.txt", Data("x".utf8))])
        let inventory = try scan(volume)
        let backup = try #require(inventory.backups.first, "\(name) is not a backup")
        #expect(backup.evidence.first?.signature == "backup.words")
        #expect(backup.companies == ["Dupont"])
    }

    @Test func archivesWithoutABackupWordAreNoBackups() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try company(volume, "Dupont")
        for name in ["holiday photos.zip", "feedback upload.zip", "copia.zip", "Fotos Urlaub.zip", "respaldar.txt.zip"] {
            try volume.zip("Users/marie/Documents/Archives/\(name)", entries: [("notes.txt", Data("x".utf8))])
        }
        let inventory = try scan(volume)
        #expect(inventory.backups.map(\.file.location.path.lastComponent) == [])
    }

    /// The walk keeps an archive whatever letters its name has (its extension decides), so a
    /// name test that folded only ASCII would not lose "CÓPIA".
    @Test func theWalkKeepsArchivesWithAccentedNames() throws {
        let rule = KeepRule(signatures: try PackSet.builtIn().map(\.signatures))
        for name in ["CÓPIA DE SEGURANÇA.ZIP", "co\u{301}pia de seguranc\u{327}a.zip", "Sicherung_März.7z"] {
            #expect(KeepRuleTests.keeps(rule, "Users/marie/Documents/a/b/c/\(name)"), "\(name)")
        }
    }

    // MARK: - Exports

    /// One language's file names and header rows: (file, contents, expected kind).
    struct Language: Sendable, CustomTestStringConvertible {
        var code: String
        var files: [(name: String, text: String, kind: ExportKind?)]
        var testDescription: String { code }
    }

    static let languages: [Language] = [
        Language(code: "de", files: [
            ("Kundenliste 2024.csv", "a;b\n", .clients), ("Artikelliste.csv", "a;b\n", .products),
            ("export1.csv", "Kundennummer;Name;Ort\n", .clients), ("export2.csv", "Artikelnummer;Bezeichnung;Preis\n", .products),
            ("Warenbestand.csv", "a;b\n", .products),
        ]),
        Language(code: "es", files: [
            ("clientes.csv", "a;b\n", .clients), ("ARTICULOS.csv", "a;b\n", .products), ("artículos 2.csv", "a;b\n", .products),
            ("export1.csv", "Cliente;Dirección\n", .clients), ("export2.csv", "Artículo;Precio\n", .products),
        ]),
        Language(code: "it", files: [
            ("clienti.csv", "a;b\n", .clients), ("prodotti.csv", "a;b\n", .products),
            ("export1.csv", "Ragione sociale;Clientela\n", .clients), ("export2.csv", "Codice articolo;Descrizione\n", .products),
        ]),
        Language(code: "nl", files: [
            ("klanten.csv", "a;b\n", .clients), ("artikelen.csv", "a;b\n", .products),
            ("export1.csv", "Klantnaam;Adres\n", .clients), ("export2.csv", "Productnaam;Prijs\n", .products),
        ]),
        Language(code: "pt", files: [
            ("clientes.csv", "a;b\n", .clients), ("produtos.csv", "a;b\n", .products),
            ("export1.csv", "Nome do cliente;Morada\n", .clients), ("export2.csv", "Artigo;Preço\n", .products),
        ]),
        Language(code: "en, fr and decoys", files: [
            ("Customers.csv", "a,b\n", .clients), ("produits.csv", "a,b\n", .products), ("ItemList.csv", "a,b\n", .products),
            ("systems.csv", "host,uptime\n", nil), ("particles.csv", "size,mass\n", nil), ("warehouse.csv", "shelf,bin\n", nil),
            ("export.csv", "Operating systems;Status\n", nil),
        ]),
    ]

    @Test(arguments: languages)
    func listsAreToldByNameAndHeaderAndTickTheirSteps(_ language: Language) throws {
        let volume = try VolumeBuilder.temporary("exports-\(language.code.prefix(2))")
        defer { volume.remove() }
        try company(volume, "Dupont", modified: daysAgo(3))
        for file in language.files {
            try volume.file("Users/marie/Desktop/\(language.code.prefix(2))/\(file.name)", text: file.text, modified: daysAgo(1))
        }
        let inventory = try scan(volume)
        let kinds = Dictionary(uniqueKeysWithValues: inventory.exports.map { ($0.file.location.path.lastComponent, $0.kind) })
        for file in language.files {
            #expect(kinds[file.name] == file.kind, "\(file.name)")
        }
        // Every list is Dupont's (the only company), and fresh: both export steps are ticked.
        #expect(inventory.exports.allSatisfy { $0.companies == ["Dupont"] })
        guard language.files.contains(where: { $0.kind == .clients }) else { return }
        let outcome = RuleEngine(packs: try PackSet.builtIn()).evaluate(inventory, asOf: CalendarDay(now, timeZone: CalendarDay.utc))
        for step in ["export-client-list", "export-product-list"] {
            let item = outcome.checklist.first { $0.id == "invoice2go-classic/\(step)" }?.items.first { $0.company == "Dupont" }
            #expect(item?.done == true, "\(step)")
        }
    }

    @Test func anXLSXAndAnXLSHeaderInSpanish() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.zip("Exports/libro1.xlsx", entries: [
            ("[Content_Types].xml", Data("<Types/>".utf8)),
            ("xl/sharedStrings.xml", Data("<sst><si><t>Artículo</t></si><si><t>Precio</t></si></sst>".utf8)),
        ])
        // An old binary workbook stores "Cliente" as Latin-1 text, accents included.
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        bytes += [0x4E, 0xBA, 0x20] + Array("Código".unicodeScalars.map { UInt8($0.value) }) + [0x01, 0x02]
        bytes += Array("Razón social cliente".unicodeScalars.map { UInt8($0.value) }) + [0x00]
        try volume.file("Exports/libro2.xls", Data(bytes))
        let inventory = try scan(volume)
        let kinds = Dictionary(uniqueKeysWithValues: inventory.exports.map { ($0.file.location.path.lastComponent, $0.kind) })
        #expect(kinds == ["libro1.xlsx": .products, "libro2.xls": .clients])
    }

    @Test func wordsAreFoldedAndFoundAtAWordsStart() {
        let list = WordList(["kunde", "item", "cópia de segurança"], anchor: .wordStart)
        #expect(list.first(in: FoldedName("Kundenliste 2024.csv")) == "kunde")
        #expect(list.first(in: FoldedName("MyItemList.csv")) == "item")
        #expect(list.first(in: FoldedName("systems.csv")) == nil)
        #expect(list.first(in: FoldedName("CÓPIA_DE_SEGURANÇA.zip")) == "cópia de segurança")
        #expect(list.first(in: FoldedName("copiade seguranca.zip")) == nil)
        let anywhere = WordList(["sicherung", "back-up"], anchor: .anywhere)
        #expect(anywhere.first(in: FoldedName("DATENSICHERUNG.zip")) == "sicherung")
        #expect(anywhere.first(in: FoldedName("Back Up 2019.zip")) == "back-up")
        #expect(anywhere.first(in: FoldedName("feedback upload.zip")) == nil)
    }
}

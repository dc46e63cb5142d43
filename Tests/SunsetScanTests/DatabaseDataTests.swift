import Foundation
import SunsetCore
import SunsetFixtures
import SunsetReadable
import SunsetRules
@testable import SunsetScan
import Testing

/// Issue 21, items 1 and 6: every legacy database is company data by its content, whatever its
/// name, and the inventory says its format; an offline copy's tables are told client or product
/// lists by the pack's words in its languages.
@Suite struct DatabaseDataTests {
    /// The first bytes of a Paradox table (record and header size, file type, version).
    func paradox() -> Data {
        var bytes = [UInt8](repeating: 0, count: 2048)
        bytes[0] = 40
        bytes[3] = 0x08
        bytes[4] = 2
        bytes[5] = 2
        bytes[0x39] = 12
        return Data(bytes)
    }

    @Test func everyLegacyDatabaseIsCompanyDataByContentWithItsFormat() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let base = "Compta/Invoice2go - Atelier Roux"
        let folder = volume.url(base)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Renamed: a Jet 4 database from the writer without its extension, SQLite as .bin, FoxPro as .tab.
        try volume.file("\(base)/registre", JetWriter.data([.init(name: "Clients", columns: [JetColumn("Nom", .text())],
                                                                  rows: [[.text("Dupont")]])]))
        try volume.file("\(base)/carnet.bin", Samples.sqliteDatabase())
        let fields = [DBFWriter.Field("NOM", .character(20))]
        _ = try DBFWriter(.dBase3, fields: fields, records: [DBFWriter.Record([.text("Dupont")])]).write(to: folder, name: "CLIENTS")
        // Visual FoxPro (version byte 0x30) renamed .tab; a FoxPro 2 table without memo says 0x03, dBase's byte.
        _ = try DBFWriter(.visualFoxPro, fields: fields, records: [DBFWriter.Record([.text("Vis")])])
            .write(to: folder, name: "stock", tableExtension: "tab")
        try volume.file("\(base)/TARIFS.DB", paradox())
        try volume.file("\(base)/lisez-moi.txt", text: "pas une base\n")
        let inventory = try scan(volume)
        let company = try #require(inventory.companies.first)
        let formats = Dictionary(uniqueKeysWithValues: company.dataFiles.map { ($0.location.path.lastComponent, $0.database) })
        #expect(formats["registre"] == .jet4)
        #expect(formats["carnet.bin"] == .sqlite)
        #expect(formats["CLIENTS.dbf"] == .dbase)
        #expect(formats["stock.tab"] == .foxpro)
        #expect(formats["TARIFS.DB"] == .paradox)
        #expect(formats["lisez-moi.txt"] == nil, "a text file is no data file")
        // The JSON inventory carries it.
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let json = String(decoding: try encoder.encode(inventory), as: UTF8.self)
        #expect(json.contains("\"database\":\"jet4\"") && json.contains("\"database\":\"paradox\""))
    }

    /// What an offline copy's table is, by the built-in pack's table words.
    func list(_ name: String, columns: [String] = []) throws -> ExportKind? {
        let pack = try #require(try PackSet.builtIn().first { $0.id == "invoice2go-classic" }).signatures
        #expect(!pack.clientTableWords.isEmpty && !pack.productTableWords.isEmpty)
        let words = [(ExportKind.clients, WordList(pack.clientTableWords, anchor: .wordStart)),
                     (ExportKind.products, WordList(pack.productTableWords, anchor: .wordStart))]
        let table = ReadableIndex.Table(name: name, columns: columns, rows: 1, copies: [], leftOutColumns: [], gaps: [], complete: true)
        return OfflineCopyFinder.recognise(table, words: words)?.0
    }

    @Test func clientAndProductTablesAreToldInThePacksLanguages() throws {
        for name in ["Clients", "Kunden", "tblCustomers", "KLANTEN", "Clientes", "Débiteurs", "Debitoren"] {
            #expect(try list(name) == .clients, "\(name)")
        }
        for name in ["Produits", "Articles", "Artikel", "Prodotti", "Artículos", "Produtos", "Warenstamm", "Items"] {
            #expect(try list(name) == .products, "\(name)")
        }
        for name in ["Journal", "Factures", "Rechnungen", "MSysObjects"] {
            #expect(try list(name) == nil, "\(name)")
        }
        // By the columns when the name says nothing; a table naming both lists is neither.
        #expect(try list("T01", columns: ["Kundennr", "Name", "Ort"]) == .clients)
        #expect(try list("Positionen", columns: ["KundenNr", "ArtikelNr", "Menge"]) == nil)
    }
}

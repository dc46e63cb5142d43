import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// Client and product lists, told apart by name or by their header, in English and French.
@Suite struct ExportTests {
    func kinds(_ inventory: Inventory) -> [String: ExportKind] {
        Dictionary(uniqueKeysWithValues: inventory.exports.map { ($0.file.location.path.lastComponent, $0.kind) })
    }

    @Test func csvByNameAndByEnglishOrFrenchHeader() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try company(volume, "Dupont")
        try volume.file("Exports/Dupont customers.csv", text: "a,b\n1,2\n", modified: daysAgo(1))
        try volume.file("Exports/export1.csv", text: "Nom du client;Adresse;Téléphone\nX;Y;Z\n")
        try volume.file("Exports/export2.csv", text: "\u{FEFF}\"Désignation\",\"Produit\",\"Prix unitaire\"\n")
        try volume.file("Exports/export3.csv", text: "Item,Unit Price\nBread,1\n")
        try volume.file("Exports/notes.csv", text: "date,temperature\n")
        let inventory = try scan(volume)
        #expect(kinds(inventory) == [
            "Dupont customers.csv": .clients, "export1.csv": .clients, "export2.csv": .products, "export3.csv": .products,
        ])
        let named = try #require(inventory.exports.first { $0.file.location.path.lastComponent == "Dupont customers.csv" })
        #expect(named.companies == ["Dupont"])
        #expect(abs(named.file.modified.timeIntervalSince(daysAgo(1))) < 1)
        #expect(named.evidence.first?.detail == "file name contains 'customer'")
    }

    @Test func xlsxByItsHeaderStrings() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let strings = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">\
        <si><t>Article</t></si><si><t>Prix &amp; TVA</t></si><si><t>Baguette</t></si></sst>
        """
        try volume.zip("Exports/liste.xlsx", entries: [
            ("[Content_Types].xml", Data("<Types/>".utf8)),
            ("xl/sharedStrings.xml", Data(strings.utf8)),
            ("xl/worksheets/sheet1.xml", Data("<worksheet/>".utf8)),
        ])
        let export = try #require(try scan(volume).exports.first)
        #expect(export.kind == .products)
        #expect(export.evidence.first?.detail == "header has the column 'article'")
    }

    @Test func xlsByItsTextRuns() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        bytes += "Customer Name".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0, 0]
        try volume.file("Exports/book1.xls", Data(bytes))
        let export = try #require(try scan(volume).exports.first)
        #expect(export.kind == .clients)
    }
}

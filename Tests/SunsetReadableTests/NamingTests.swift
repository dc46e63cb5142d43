import Foundation
import SunsetFixtures
import Testing
@testable import SunsetReadable

/// Tables whose safe names collide each get their own file and sheet, and the index says which.
@Suite struct NamingTests {
    @Test func collidingTablesGetNumberedFilesAndSheets() throws {
        let folder = try VolumeBuilder.temporary("naming-collide")
        defer { folder.remove() }
        let columns = [ColumnInfo(name: "a|b", kind: .text, sourceType: "TEXT")]
        let database = StubDatabase(stubs: ["Kunden/Alt", "Kunden_Alt", "kunden_alt"].map {
            StubTable(name: $0, columns: columns, rows: [[.text($0)]])
        })
        let report = try Conversion.convert(database, sourcePath: "/x/Firma.mdb", to: folder.url("out"), formats: Set(CopyFormat.allCases))
        #expect(report.isComplete)
        #expect(report.files == ["Firma.sqlite", "Firma.xlsx", "Kunden_Alt-2.csv", "Kunden_Alt.csv", "kunden_alt-3.csv"])
        let csv = Dictionary(uniqueKeysWithValues: report.tables.map { table in
            (table.name, table.copies.first { $0.format == .csv }?.file ?? "")
        })
        #expect(csv == ["Kunden/Alt": "Kunden_Alt.csv", "Kunden_Alt": "Kunden_Alt-2.csv", "kunden_alt": "kunden_alt-3.csv"])
        let sheets = report.tables.compactMap { $0.copies.first { $0.format == .workbook }?.part }
        #expect(Set(sheets) == ["Kunden_Alt", "Kunden_Alt-2", "kunden_alt-3"])
        let tables = report.tables.compactMap { $0.copies.first { $0.format == .sqlite }?.part }
        #expect(Set(tables) == ["Kunden/Alt", "Kunden_Alt", "kunden_alt-2"])
        let markdown = report.markdown()
        #expect(markdown.contains("- CSV: Kunden/Alt → Kunden\\_Alt.csv"))
        #expect(markdown.contains("| Kunden/Alt | 1 | 1 | – |"))
        for table in report.tables {
            let content = try Data(contentsOf: folder.url("out/" + table.copies[0].file))
            #expect(content == Data("\u{FEFF}a|b\r\n\(table.name)\r\n".utf8))
        }
    }
}

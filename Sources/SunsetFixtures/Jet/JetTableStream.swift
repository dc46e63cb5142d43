import Foundation
import SunsetReadable

/// One table being written: its rows go onto data pages as they come, each page appended
/// to the file when full, so a table of any length is never held whole.
final class JetTableStream {
    let name: String
    let layouts: [JetColumnLayout]
    /// The page reserved for the table definition, written when the table is done.
    let definitionPage: UInt32
    let isSystem: Bool
    private let file: JetPageFile
    private let encoder: JetRowEncoder
    private var page: JetDataPage
    private(set) var dataPages: [UInt32] = []
    private(set) var rowCount = 0

    init(name: String, columns: [JetColumn], definitionPage: UInt32, isSystem: Bool, file: JetPageFile) {
        self.name = name
        self.layouts = JetColumnLayout.layouts(of: columns)
        self.definitionPage = definitionPage
        self.isSystem = isSystem
        self.file = file
        self.encoder = JetRowEncoder(table: name, layouts: layouts, longValues: JetLongValueStore(file: file))
        self.page = JetDataPage(owner: definitionPage)
    }

    /// Adds one row.
    func append(_ cells: [Cell]) throws {
        let row = try encoder.encode(cells)
        if !page.fits(row.count) { try flush() }
        page.append(row)
        rowCount += 1
    }

    /// Writes the page being filled, if it has rows.
    func flush() throws {
        guard !page.isEmpty else { return }
        dataPages.append(try file.append(page.bytes()))
        page = JetDataPage(owner: definitionPage)
    }

    /// The definition page's bytes, once the maps' rows are placed.
    func definition(usedPagesMap: UInt32, freePagesMap: UInt32) throws -> Data {
        try JetTableDefinition(name: name, layouts: layouts, rowCount: rowCount, isSystem: isSystem,
                               usedPagesMap: usedPagesMap, freePagesMap: freePagesMap).bytes()
    }
}

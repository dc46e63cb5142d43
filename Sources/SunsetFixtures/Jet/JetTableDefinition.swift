import Foundation

/// A Jet 4 table definition (TDEF) page: the row count, the column count, pointers to the
/// table's usage maps, then one 25-byte entry per column and the column names in UCS-2.
/// Sunset's fixtures have no indexes.
struct JetTableDefinition {
    let name: String
    let layouts: [JetColumnLayout]
    let rowCount: Int
    let isSystem: Bool
    /// Page-and-row pointers to the usage map (pages the table owns) and the free-space map.
    let usedPagesMap: UInt32
    let freePagesMap: UInt32

    /// Offset of the first column entry on the page (no index entries precede it).
    static let columnsStart = 63
    static let columnEntrySize = 25

    func bytes() throws -> Data {
        var page = Data(count: Self.columnsStart)
        page[0] = 0x02
        page[1] = 0x01
        page.setLittleEndian(UInt32(0), at: 4)                    // no next definition page
        page.setLittleEndian(UInt32(clamping: rowCount), at: 16)
        page[24] = 0x01                                           // autonumbers work in Access
        page[40] = isSystem ? 0x53 : 0x4E
        let variableCount = layouts.filter { !$0.isFixed }.count
        page.setLittleEndian(UInt16(layouts.count), at: 41)       // most columns a row has
        page.setLittleEndian(UInt16(variableCount), at: 43)
        page.setLittleEndian(UInt16(layouts.count), at: 45)
        page.setLittleEndian(UInt32(0), at: 47)                   // logical indexes
        page.setLittleEndian(UInt32(0), at: 51)                   // physical indexes
        page.setLittleEndian(usedPagesMap, at: 55)
        page.setLittleEndian(freePagesMap, at: 59)
        for layout in layouts {
            page.append(entry(for: layout))
        }
        for layout in layouts {
            let name = layout.name.jetUCS2
            page.appendLittleEndian(UInt16(name.count))
            page.append(name)
        }
        page.appendLittleEndian(UInt16(0xFFFF))                   // end of the column maps list
        guard page.count <= jetPageSize else { throw JetWriterError.definitionTooLong(table: name) }
        page.setLittleEndian(UInt32(page.count - 8), at: 8)       // length of the definition
        page.setLittleEndian(UInt16(jetPageSize - page.count), at: 2)
        page.append(Data(count: jetPageSize - page.count))
        return page
    }

    /// The 25-byte entry describing one column.
    private func entry(for layout: JetColumnLayout) -> Data {
        var entry = Data(count: Self.columnEntrySize)
        entry[0] = layout.type.code
        entry.setLittleEndian(UInt16(layout.number), at: 5)
        entry.setLittleEndian(UInt16(layout.variableIndex), at: 7)
        entry.setLittleEndian(UInt16(layout.number), at: 9)
        switch layout.type {
        case .text, .memo:
            entry.setLittleEndian(UInt16(0x0409), at: 11)         // "General" sort order
        case .currency:
            entry[11] = 4                                         // scale
            entry[12] = 19                                        // precision
        default:
            break
        }
        entry[15] = (layout.isFixed ? 0x01 : 0x00) | 0x02         // fixed; may be null
        entry.setLittleEndian(UInt16(layout.fixedOffset), at: 21)
        entry.setLittleEndian(UInt16(layout.type.declaredLength), at: 23)
        return entry
    }
}

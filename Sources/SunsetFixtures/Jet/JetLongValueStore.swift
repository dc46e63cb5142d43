import Foundation

/// Where memo and OLE contents go. A short value stays in its row after the 12-byte header;
/// a longer one goes to an LVAL page of its own, and one longer than a page to a chain of
/// LVAL pages, each row starting with the pointer to the next.
struct JetLongValueStore {
    /// Values up to this many bytes stay in the row.
    static let inlineLimit = 256
    /// The room for a value on an LVAL page that holds only it.
    static let singlePageLimit = JetDataPage.maxRowLength
    /// The room per page in a chain (the 4-byte pointer to the next page comes first).
    static let chainChunk = JetDataPage.maxRowLength - 4
    /// The length field has 24 bits below its flags.
    static let maximumLength = 0xFF_FFFF

    let file: JetPageFile

    /// Stores `value` and returns what the row holds: the header, plus the value when inline.
    func store(_ value: Data, column: String) throws -> Data {
        guard value.count <= Self.maximumLength else {
            throw JetWriterError.valueDoesNotFit(column: column, type: "long value", value: "\(value.count) bytes")
        }
        var field = Data()
        let length = UInt32(value.count)
        if value.count <= Self.inlineLimit {
            field.appendLittleEndian(length | 0x8000_0000)
            field.appendLittleEndian(UInt32(0))
            field.appendLittleEndian(UInt32(0))
            field.append(value)
        } else if value.count <= Self.singlePageLimit {
            let page = try writeLVAL(value)
            field.appendLittleEndian(length | 0x4000_0000)
            field.appendLittleEndian(jetPageRow(page: page, row: 0))
            field.appendLittleEndian(UInt32(0))
        } else {
            let first = try writeChain(value)
            field.appendLittleEndian(length)
            field.appendLittleEndian(jetPageRow(page: first, row: 0))
            field.appendLittleEndian(UInt32(0))
        }
        return field
    }

    /// One LVAL page holding `row` as its only row; returns its number.
    private func writeLVAL(_ row: Data) throws -> UInt32 {
        var page = JetDataPage(owner: JetDataPage.longValueOwner)
        page.append(row)
        return try file.append(page.bytes())
    }

    /// Consecutive LVAL pages, each pointing to the next (the last to nothing).
    private func writeChain(_ value: Data) throws -> UInt32 {
        let first = file.pageCount
        var offset = value.startIndex
        var page = first
        while offset < value.endIndex {
            let end = min(offset + Self.chainChunk, value.endIndex)
            var row = Data()
            row.appendLittleEndian(end < value.endIndex ? jetPageRow(page: page + 1, row: 0) : 0)
            row.append(value[offset..<end])
            let written = try writeLVAL(row)
            precondition(written == page, "LVAL chain pages are consecutive")
            page += 1
            offset = end
        }
        return first
    }
}

import Foundation

/// The usage map of a table: which pages hold its rows. A map whose pages lie close together
/// is a bitmap inside the map's row (type 0: a start page, then one bit per page); a wider
/// one is a list of pointers to bitmap pages (type 1: page type 0x05, 32,736 pages each).
enum JetUsageMap {
    /// Pages one type-1 bitmap page covers: its bytes after a 4-byte header, 8 bits each.
    static let pagesPerBitmapPage = (jetPageSize - 4) * 8

    /// The map row for `pages` (ascending). Bitmap pages a wide map needs are appended to
    /// `file`; a type-0 bitmap is kept in the row while it needs at most `inlineLimit` bytes.
    static func row(for pages: [UInt32], file: JetPageFile, inlineLimit: Int) throws -> Data {
        var row = Data()
        guard let first = pages.first, let last = pages.last else {
            row.append(0x00)
            row.appendLittleEndian(UInt32(0))
            return row
        }
        let start = first & ~7
        let bitmapBytes = Int((last - start) / 8) + 1
        if bitmapBytes <= inlineLimit {
            var bitmap = [UInt8](repeating: 0, count: bitmapBytes)
            for page in pages { set(bit: Int(page - start), in: &bitmap) }
            row.append(0x00)
            row.appendLittleEndian(start)
            row.append(contentsOf: bitmap)
            return row
        }
        row.append(0x01)
        let perPage = UInt32(pagesPerBitmapPage)
        var index = 0
        while index < pages.count {
            let group = pages[index] / perPage
            while UInt32((row.count - 1) / 4) < group { row.appendLittleEndian(UInt32(0)) }
            var bits = [UInt8](repeating: 0, count: jetPageSize - 4)
            while index < pages.count, pages[index] / perPage == group {
                set(bit: Int(pages[index] % perPage), in: &bits)
                index += 1
            }
            let bitmapPage: [UInt8] = [0x05, 0x01, 0x00, 0x00] + bits
            row.appendLittleEndian(try file.append(Data(bitmapPage)))
        }
        return row
    }

    private static func set(bit: Int, in bitmap: inout [UInt8]) {
        bitmap[bit / 8] |= 1 << UInt8(bit % 8)
    }
}

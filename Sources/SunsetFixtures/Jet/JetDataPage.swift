import Foundation

/// A Jet 4 data page being filled: rows are laid from the end of the page towards its
/// start, and a table of their offsets follows the 14-byte header. Table rows, long values
/// (LVAL pages) and usage maps all live on pages of this shape.
struct JetDataPage {
    /// The 4 bytes at offset 4: the owning table's definition page, or "LVAL".
    let owner: UInt32
    private(set) var rows: [Data] = []
    private var rowBytes = 0

    static let headerSize = 14
    /// At most this many rows on one page (a row pointer keeps the row number in one byte).
    static let maxRows = 255
    /// The most bytes one row can take on an empty page.
    static let maxRowLength = jetPageSize - headerSize - 2

    /// The owner tag of long-value pages: "LVAL".
    static let longValueOwner: UInt32 = 0x4C41_564C

    init(owner: UInt32) {
        self.owner = owner
    }

    var isEmpty: Bool { rows.isEmpty }

    /// Bytes still free on the page.
    var freeSpace: Int { jetPageSize - Self.headerSize - 2 * rows.count - rowBytes }

    /// True when a row of `length` bytes (and its offset) still fits.
    func fits(_ length: Int) -> Bool {
        rows.count < Self.maxRows && length + 2 <= freeSpace
    }

    /// Adds a row and returns its number on the page.
    @discardableResult
    mutating func append(_ row: Data) -> Int {
        rows.append(row)
        rowBytes += row.count
        return rows.count - 1
    }

    /// The page's 4096 bytes.
    func bytes() -> Data {
        var page = Data(count: jetPageSize)
        page[0] = 0x01
        page[1] = 0x01
        page.setLittleEndian(UInt16(freeSpace), at: 2)
        page.setLittleEndian(owner, at: 4)
        page.setLittleEndian(UInt16(rows.count), at: 12)
        var end = jetPageSize
        for (index, row) in rows.enumerated() {
            let start = end - row.count
            page.replaceSubrange(start ..< end, with: row)
            page.setLittleEndian(UInt16(start), at: Self.headerSize + 2 * index)
            end = start
        }
        return page
    }
}

import Foundation

/// The data pages that hold the tables' usage-map rows. Each page's number is reserved when
/// it is started, so a row's page-and-row pointer is known before the page is written.
struct JetMapPages {
    let file: JetPageFile
    private var page = JetDataPage(owner: 0)
    private var number: UInt32?

    init(file: JetPageFile) {
        self.file = file
    }

    /// Places `row` and returns its page-and-row pointer.
    mutating func place(_ row: Data) throws -> UInt32 {
        if number == nil || !page.fits(row.count) {
            try flush()
            number = try file.reserve()
        }
        let index = page.append(row)
        return jetPageRow(page: number!, row: index)
    }

    /// Writes the page being filled.
    mutating func flush() throws {
        if let number { try file.write(page.bytes(), at: number) }
        page = JetDataPage(owner: 0)
        number = nil
    }
}

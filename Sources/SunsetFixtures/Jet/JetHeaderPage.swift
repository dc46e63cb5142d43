import Foundation

/// Page 0 of a Jet 4 file: the file's signature, its Jet version and the masked area that
/// holds the database key (zero: not encrypted), the sort order and the creation date.
enum JetHeaderPage {
    /// The fixed RC4 key every Jet file masks its header with.
    static let maskKey: [UInt8] = [0xC7, 0xDA, 0x39, 0x6B]
    /// Where the masked area starts and how long it is in Jet 4.
    static let maskedRange = 0x18 ..< 0x18 + 128

    /// The page's bytes; `created` is stored as a Jet date (days since 1899-12-30).
    static func bytes(created: Double) -> Data {
        var page = Data(count: jetPageSize)
        page[0x00] = 0x00
        page[0x01] = 0x01
        page.replaceSubrange(0x04 ..< 0x04 + 15, with: Array("Standard Jet DB".utf8))
        page[0x14] = 0x01                                   // Jet 4
        page.setLittleEndian(UInt16(1252), at: 0x3C)        // code page (Jet 3 uses it)
        page.setLittleEndian(UInt32(0), at: 0x3E)           // database key: not encrypted
        page.setLittleEndian(UInt32(0x0409), at: 0x6E)      // "General" sort order
        page.setLittleEndian(created.bitPattern, at: 0x72)  // creation date
        var masked = [UInt8](page[maskedRange])
        var cipher = JetRC4(key: maskKey)
        cipher.apply(to: &masked)
        page.replaceSubrange(maskedRange, with: masked)
        return page
    }
}

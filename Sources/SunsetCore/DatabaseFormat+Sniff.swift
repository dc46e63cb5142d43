import Foundation

extension DatabaseFormat {
    /// dBase and FoxPro version bytes (a table's first byte) with the format each belongs to:
    /// 0x03 is written by both and called dBase. The reader of SunsetReadable accepts exactly these.
    public static let dBaseVersions: [UInt8: DatabaseFormat] = [
        0x02: .foxpro, 0x03: .dbase, 0x30: .foxpro, 0x31: .foxpro, 0x32: .foxpro, 0x43: .dbase,
        0x63: .dbase, 0x83: .dbase, 0x8B: .dbase, 0x8E: .dbase, 0xCB: .dbase, 0xF5: .foxpro, 0xFB: .foxpro,
    ]

    /// The database format the first bytes of a file show, or nil when they show none.
    /// `head` should hold the file's first 4 KB or more (a dBase header may be longer; the
    /// descriptors it holds are checked). Paradox is recognised only in a file named `.db`.
    public static func sniff(_ head: Data, fileName: String) -> DatabaseFormat? {
        sniff(bytes: head, fileName: fileName)
    }

    /// `sniff(_:fileName:)` on bytes already in memory (the scanner's probe of a file's head).
    public static func sniff<Bytes: Collection>(bytes head: Bytes, fileName: String) -> DatabaseFormat? where Bytes.Element == UInt8 {
        let bytes = [UInt8](head.prefix(8192))
        if bytes.starts(with: Array("SQLite format 3\0".utf8)) { return .sqlite }
        if let jet = jet(bytes) { return jet }
        if let dbf = dBase(bytes) { return dbf }
        if fileName.lowercased().hasSuffix(".db"), isParadox(bytes) { return .paradox }
        return nil
    }

    /// Jet and ACE: 00 01 00 00, the engine's name at offset 4, the version at 0x14.
    private static func jet(_ bytes: [UInt8]) -> DatabaseFormat? {
        guard bytes.count > 0x14, bytes.starts(with: [0x00, 0x01, 0x00, 0x00]) else { return nil }
        let name = bytes[4..<20]
        if name.elementsEqual("Standard ACE DB\0".utf8) { return .ace }
        guard name.elementsEqual("Standard Jet DB\0".utf8) else { return nil }
        switch bytes[0x14] {
        case 0: return .jet3
        case 1: return .jet4
        default: return .ace
        }
    }

    /// dBase and FoxPro: a known version byte, a real last-update day, a header and record
    /// length that fit, field descriptors with type letters, and the 0x0D terminator where the
    /// header length puts it (263 bytes earlier in Visual FoxPro).
    private static func dBase(_ bytes: [UInt8]) -> DatabaseFormat? {
        guard bytes.count >= 64, let format = dBaseVersions[bytes[0]] else { return nil }
        let (month, day) = (Int(bytes[2]), Int(bytes[3]))
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let recordLength = Int(bytes[10]) | Int(bytes[11]) << 8
        guard headerLength >= 32 + 32 + 1, recordLength > 1 else { return nil }
        let visualFoxPro = bytes[0] == 0x30 || bytes[0] == 0x31 || bytes[0] == 0x32
        let types = Set("CNFDLMIYTBOGPWVQ0@+".utf8)
        var position = 32
        var width = 1
        while position < min(bytes.count, headerLength) {
            if bytes[position] == 0x0D {
                let end = position + 1 + (visualFoxPro ? 263 : 0)
                // dBase III+ sometimes pads the terminator with one NUL byte.
                guard headerLength == end || headerLength == end + 1, width <= recordLength else { return nil }
                return format
            }
            guard position + 32 <= bytes.count else { break }
            guard bytes[position] > 0x20, types.contains(bytes[position + 11]) else { return nil }
            width += Int(bytes[position + 16])
            position += 32
        }
        // The head ends inside a long header: every descriptor it shows was sound.
        return position > 32 && position >= bytes.count - 32 && position < headerLength ? format : nil
    }

    /// Paradox: record size and header size (little-endian) at 0 and 2, the file type at 4
    /// (0 or 2: a table), a table-size factor at 5, the file version at 0x39.
    private static func isParadox(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 0x39 else { return false }
        let recordSize = Int(bytes[0]) | Int(bytes[1]) << 8
        let headerSize = Int(bytes[2]) | Int(bytes[3]) << 8
        return recordSize > 0 && headerSize > 0 && headerSize % 0x800 == 0 && [0, 2].contains(bytes[4])
            && [1, 2, 3, 4, 8, 16, 32].contains(bytes[5]) && (3...12).contains(bytes[0x39])
    }
}

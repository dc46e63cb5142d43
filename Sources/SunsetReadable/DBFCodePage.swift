/// The code page of a dBase or FoxPro table's text, named by the language-driver byte of its
/// header (byte 29). Single-byte DOS and Windows pages are decoded with Sunset's own tables;
/// an unknown byte, or a page Sunset cannot decode (the Asian double-byte ones), is read as
/// CP1252 and `note` says so.
public struct DBFCodePage: Hashable, Sendable {
    /// The header's byte 29.
    public let languageDriver: UInt8
    /// The code page text is decoded with (437, 850, 1252 …).
    public let number: Int
    /// Why the text is read as CP1252 rather than in the page the byte names; nil when it is not.
    public let note: String?
    private let upperHalf: [UInt16]

    public init(languageDriver: UInt8) {
        self.languageDriver = languageDriver
        let hex = "0x" + String(languageDriver, radix: 16, uppercase: true)
        if let named = Self.pages[languageDriver], let table = DBFCodePageTables.upperHalf[named] {
            number = named
            upperHalf = table
            note = nil
        } else {
            number = 1252
            upperHalf = DBFCodePageTables.upperHalf[1252] ?? []
            if let named = Self.pages[languageDriver] {
                note = "language driver \(hex) names code page \(named), which Sunset does not decode: text read as CP1252"
            } else if languageDriver == 0 {
                note = "the header names no code page (language driver 0x0): text read as CP1252"
            } else {
                note = "unknown language driver \(hex): text read as CP1252"
            }
        }
    }

    /// The text of `bytes` in this code page (bytes below 0x80 are ASCII).
    public func decode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = byte < 0x80 || upperHalf.count < 128 ? UInt32(byte) : UInt32(upperHalf[Int(byte) - 0x80])
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// The bytes of `text` in this code page, or nil when a character has no byte in it.
    public func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let index = upperHalf.firstIndex(of: UInt16(truncatingIfNeeded: scalar.value)), scalar.value <= 0xFFFF {
                bytes.append(UInt8(0x80 + index))
            } else {
                return nil
            }
        }
        return bytes
    }

    /// Language-driver bytes and the code pages they name, as dBase IV, FoxPro and Visual FoxPro
    /// write them.
    static let pages: [UInt8: Int] = [
        0x01: 437, 0x02: 850, 0x03: 1252, 0x04: 10000, 0x08: 865, 0x09: 437, 0x0A: 850, 0x0B: 437,
        0x0D: 437, 0x0E: 850, 0x0F: 437, 0x10: 850, 0x11: 437, 0x12: 850, 0x13: 932, 0x14: 850,
        0x15: 437, 0x16: 850, 0x17: 865, 0x18: 437, 0x19: 437, 0x1A: 850, 0x1B: 437, 0x1C: 863,
        0x1D: 850, 0x1F: 852, 0x22: 852, 0x23: 852, 0x24: 860, 0x25: 850, 0x26: 866, 0x37: 850,
        0x40: 852, 0x4D: 936, 0x4E: 949, 0x4F: 950, 0x50: 874, 0x57: 1252, 0x58: 1252, 0x59: 1252,
        0x64: 852, 0x65: 866, 0x66: 865, 0x67: 861, 0x6A: 737, 0x6B: 857, 0x78: 950, 0x79: 949,
        0x7A: 936, 0x7B: 932, 0x7C: 874, 0x7D: 1255, 0x7E: 1256, 0x86: 737, 0x87: 852, 0x88: 857,
        0xC8: 1250, 0xC9: 1251, 0xCA: 1254, 0xCB: 1253, 0xCC: 1257,
    ]
}

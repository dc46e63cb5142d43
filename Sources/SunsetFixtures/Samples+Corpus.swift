import Foundation

/// More file contents libmagic recognises, for the detection corpus's decoys and odd data.
extension Samples {
    /// The header sector of an OLE compound file (libmagic: "Composite Document File V2
    /// Document", `application/x-ole-storage`), followed by an empty sector.
    public static func oleCompoundFile() -> Data {
        var data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        data.append(Data(count: 16))                                  // class id
        data.append(contentsOf: [0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF])  // minor, major version 3, little-endian
        data.append(contentsOf: [0x09, 0x00, 0x06, 0x00])              // 512-byte sectors, 64-byte mini sectors
        data.append(Data(count: 10))
        data.append(contentsOf: little(1))                             // sectors in the allocation table
        data.append(contentsOf: little(1))                             // first directory sector
        data.append(Data(count: 4))
        data.append(contentsOf: little(0x1000))                        // mini stream cut-off
        data.append(contentsOf: little(0xFFFF_FFFE) + little(0) + little(0xFFFF_FFFE) + little(0))
        data.append(Data(repeating: 0xFF, count: 512 - data.count))
        data.append(Data(count: 1024))
        return data
    }

    /// A small JPEG/JFIF image (libmagic: `image/jpeg`).
    public static func jpeg() -> Data {
        var data = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])
        data.append(Data("JFIF\0".utf8))
        data.append(contentsOf: [0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])
        data.append(Data(count: 100))
        data.append(contentsOf: [0xFF, 0xD9])
        return data
    }

    /// The start of a compiled HTML help file, `.chm` (libmagic: "MS Windows HtmlHelp Data").
    public static func helpFile() -> Data {
        var data = Data("ITSF".utf8)
        data.append(contentsOf: little(3) + little(0x60) + little(1))
        data.append(Data(count: 200))
        return data
    }

    /// A small XML document (libmagic: `text/xml`).
    public static func xmlDocument() -> Data {
        Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<invoices><invoice number=\"1\"/></invoices>\n".utf8)
    }

    private static func little(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24 & 0xFF)]
    }
}

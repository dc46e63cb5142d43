import Foundation

/// File contents whose first bytes make libmagic recognise them as the real thing.
public enum Samples {
    /// A small but real Microsoft Access (Jet 4) database, written by `JetWriter`: one table,
    /// `Journal`, whose one row holds `note` (so that two notes give two different files).
    /// Real, because a rescue reads every database it saves to make its readable copies.
    public static func accessDatabase(_ note: String = "") -> Data {
        let table = JetWriter.Table(name: "Journal", columns: [JetColumn("Entry", .text(maxLength: 100))],
                                    rows: [[.text(note.isEmpty ? "-" : note)]])
        do {
            return try JetWriter.data([table])
        } catch {
            fatalError("JetWriter could not write the sample database: \(error)")
        }
    }

    /// The start of an SQLite 3 database.
    public static func sqliteDatabase() -> Data {
        var data = Data("SQLite format 3\0".utf8)
        data.append(contentsOf: [0x10, 0x00, 0x01, 0x01, 0x00, 0x40, 0x20, 0x20])
        data.append(Data(count: 4096 - data.count))
        return data
    }

    /// A small PDF (a sent invoice).
    public static func pdf(_ title: String = "Invoice") -> Data {
        Data("%PDF-1.4\n1 0 obj << /Title (\(title)) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    }

    /// An MS-DOS/PE executable stub ("MZ" header), enough for content identification.
    public static func executable() -> Data {
        var data = Data([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00])
        data.append(Data(count: 512 - data.count))
        return data
    }

    /// The start of a Windows shortcut (.lnk): header size and the shell link class id.
    public static func shortcut() -> Data {
        var data = Data([0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
                         0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46])
        data.append(Data(count: 76 - data.count))
        return data
    }

    /// A client list export as CSV.
    public static let clientCSV = "Client Name,Email,Phone,Address\nDupont SARL,contact@dupont.example,0102030405,1 rue Haute\n"

    /// A product list export as CSV.
    public static let productCSV = "Item,Description,Unit Price\nBaguette,Tradition,1.20\n"
}

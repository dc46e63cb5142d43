/// The header of a dBase or FoxPro table: the 32 bytes that count and size its records, then
/// one 32-byte descriptor per field up to a 0x0D byte (and, in Visual FoxPro, a 263-byte link
/// to its database container, which the header length covers).
public struct DBFHeader: Hashable, Sendable {
    /// Byte 0: which program wrote the table (0x03 dBase III, 0x8B dBase IV, 0xF5 FoxPro 2 …).
    public let version: UInt8
    /// Bytes 1–3: the day the table was last written (year counted from 1900).
    public let lastUpdate: (year: Int, month: Int, day: Int)
    /// Bytes 4–7: the number of records, deleted ones included.
    public let recordCount: Int
    /// Bytes 8–9: where the first record starts.
    public let headerLength: Int
    /// Bytes 10–11: the bytes of one record, its deletion flag included.
    public let recordLength: Int
    /// Byte 29: the language driver, which names the code page.
    public let languageDriver: UInt8
    /// The field descriptors in record order, `_NullFlags` included.
    public let fields: [DBFField]

    /// Version bytes Sunset reads, with the format each belongs to.
    static let versions: [UInt8: DatabaseFormat] = DatabaseFormat.dBaseVersions

    /// dBase or FoxPro, by the version byte (0x03 is written by both; it is called dBase).
    public var format: DatabaseFormat { Self.versions[version] ?? .dbase }
    /// Visual FoxPro (0x30, 0x31, 0x32): binary integers, nullable fields, a backlink.
    public var isVisualFoxPro: Bool { version == 0x30 || version == 0x31 || version == 0x32 }

    public static func == (lhs: DBFHeader, rhs: DBFHeader) -> Bool {
        lhs.version == rhs.version && lhs.recordCount == rhs.recordCount && lhs.headerLength == rhs.headerLength
            && lhs.recordLength == rhs.recordLength && lhs.fields == rhs.fields && lhs.lastUpdate == rhs.lastUpdate
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(version)
        hasher.combine(recordCount)
        hasher.combine(fields)
    }

    /// Reads the header from the start of a table of `fileSize` bytes; throws `notADatabase`
    /// when the bytes are not a table Sunset reads. Every length is checked against the file.
    static func read(_ bytes: DBFBytes, path: String) throws -> DBFHeader {
        func refuse(_ reason: String) -> ReadableError { .notADatabase(path: path, reason: reason) }
        let head = bytes.read(at: 0, count: 32)
        guard head.count == 32 else { throw refuse("\(bytes.size) bytes is too short for a dBase header") }
        guard versions[head[0]] != nil else {
            throw refuse("version byte 0x\(String(head[0], radix: 16, uppercase: true)) is not a dBase or FoxPro table Sunset reads")
        }
        let recordCount = Int(head[4]) | Int(head[5]) << 8 | Int(head[6]) << 16 | Int(head[7]) << 24
        let headerLength = Int(head[8]) | Int(head[9]) << 8
        let recordLength = Int(head[10]) | Int(head[11]) << 8
        guard headerLength >= 32 + 32 + 1 else { throw refuse("header length \(headerLength) leaves no room for a field") }
        guard headerLength <= bytes.size else { throw refuse("header length \(headerLength) is past the end of the file (\(bytes.size) bytes)") }
        guard recordLength >= 2 else { throw refuse("record length \(recordLength) holds no field") }
        let visualFoxPro = head[0] == 0x30 || head[0] == 0x31 || head[0] == 0x32
        let page = DBFCodePage(languageDriver: head[29])
        let all = bytes.read(at: 0, count: headerLength)
        var fields: [DBFField] = []
        var position = 32
        var offset = 1
        while position + 32 <= all.count, all[position] != 0x0D {
            let entry = all[position..<(position + 32)]
            let base = entry.startIndex
            let nameBytes = entry[base..<(base + 11)].prefix { $0 != 0 }
            let type = entry[base + 11]
            let length = Int(entry[base + 16])
            let field = DBFField(name: page.decode(nameBytes).dbfTrimmed, type: type, length: length,
                                 decimals: Int(entry[base + 17]), flags: visualFoxPro ? entry[base + 18] : 0, offset: offset)
            fields.append(field)
            offset += length
            position += 32
        }
        guard !fields.isEmpty else { throw refuse("the header describes no field") }
        guard offset <= recordLength else {
            throw refuse("the fields need \(offset) bytes but a record has \(recordLength)")
        }
        return DBFHeader(version: head[0], lastUpdate: (1900 + Int(head[1]), Int(head[2]), Int(head[3])),
                         recordCount: recordCount, headerLength: headerLength, recordLength: recordLength,
                         languageDriver: head[29], fields: fields)
    }
}

extension String {
    /// The string without spaces and NUL bytes at either end (how dBase pads its fields).
    var dbfTrimmed: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\0" { text.removeFirst() }
        while text.last == " " || text.last == "\0" { text.removeLast() }
        return String(text)
    }
}

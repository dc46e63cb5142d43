import Foundation
import SunsetReadable

/// Writes small dBase III, dBase IV, FoxPro 2 and Visual FoxPro tables (and their `.dbt` /
/// `.fpt` memo files) for tests, so that every reader test says exactly what table it reads.
/// Its files are read back by dbfread as well as by Sunset's reader.
public struct DBFWriter {
    /// Which program's layout to write.
    public enum Flavor: Sendable {
        case dBase3, dBase4, foxPro2, visualFoxPro
    }

    /// A field's type and width.
    public enum FieldType: Sendable {
        case character(Int), numeric(Int, Int), float(Int, Int), date, logical, memo
        /// Visual FoxPro only: int32, currency, datetime, double.
        case integer, currency, dateTime, double
    }

    /// One field: its name (10 characters at most), type, and (Visual FoxPro) whether it may be null.
    public struct Field: Sendable {
        public var name: String
        public var type: FieldType
        public var nullable: Bool
        public init(_ name: String, _ type: FieldType, nullable: Bool = false) {
            self.name = name
            self.type = type
            self.nullable = nullable
        }
    }

    /// A value to write; `.null` is a true null in a nullable Visual FoxPro field, else blanks.
    public enum Value: Sendable {
        case null, text(String), integer(Int64), number(Double), bool(Bool)
        case date(Int, Int, Int)
        case dateTime(Int, Int, Int, hour: Int, minute: Int, millisecond: Int)
        /// Currency in ten-thousandths (12.5 is 125000).
        case currency(Int64)
    }

    /// A record: its values in field order, and whether it is marked deleted.
    public struct Record: Sendable {
        public var values: [Value]
        public var deleted: Bool
        public init(_ values: [Value], deleted: Bool = false) {
            self.values = values
            self.deleted = deleted
        }
    }

    public var flavor: Flavor
    public var fields: [Field]
    public var records: [Record]
    /// The header's byte 29 (0x03 CP1252, 0x02 CP850 …).
    public var languageDriver: UInt8
    /// The header's last-update day.
    public var lastUpdate: (year: Int, month: Int, day: Int) = (2003, 6, 30)

    public init(_ flavor: Flavor, fields: [Field], records: [Record], languageDriver: UInt8 = 0x03) {
        self.flavor = flavor
        self.fields = fields
        self.records = records
        self.languageDriver = languageDriver
    }

    var isVFP: Bool { flavor == .visualFoxPro }
    var hasMemo: Bool { fields.contains { if case .memo = $0.type { return true } else { return false } } }
    /// The memo file's extension for this flavor.
    public var memoExtension: String { flavor == .dBase3 || flavor == .dBase4 ? "dbt" : "fpt" }

    // MARK: - Writing

    /// Writes `<name>.<tableExtension>` and, when a field is a memo, `<memoName ?? name>.dbt|fpt`
    /// into `folder`; returns the table's URL.
    @discardableResult
    public func write(to folder: URL, name: String, tableExtension: String = "dbf", memoName: String? = nil) throws -> URL {
        let (table, memo) = bytes()
        let url = folder.appendingPathComponent("\(name).\(tableExtension)")
        try Data(table).write(to: url)
        if let memo {
            try Data(memo).write(to: folder.appendingPathComponent("\(memoName ?? name).\(memoExtension)"))
        }
        return url
    }

    /// The table's bytes and the memo file's (nil without a memo field).
    public func bytes() -> (table: [UInt8], memo: [UInt8]?) {
        var memo = DBFMemoWriter(flavor: flavor)
        let nullable = isVFP ? fields.filter(\.nullable).count : 0
        let flagsLength = (nullable + 7) / 8
        var layout = fields.map { (name: $0.name, letter: letter($0.type), width: width($0.type), decimals: decimals($0.type),
                                   flags: UInt8($0.nullable && isVFP ? 0x02 : 0)) }
        if flagsLength > 0 { layout.append((name: "_NullFlags", letter: "0", width: flagsLength, decimals: 0, flags: 0x05)) }
        let recordLength = 1 + layout.reduce(0) { $0 + $1.width }
        let headerLength = 32 + 32 * layout.count + 1 + (isVFP ? 263 : 0)
        var out = [UInt8](repeating: 0, count: 32)
        out[0] = version
        out[1] = UInt8(lastUpdate.year - 1900)
        out[2] = UInt8(lastUpdate.month)
        out[3] = UInt8(lastUpdate.day)
        put32(&out, 4, UInt32(records.count))
        out[8] = UInt8(headerLength & 0xFF); out[9] = UInt8(headerLength >> 8)
        out[10] = UInt8(recordLength & 0xFF); out[11] = UInt8(recordLength >> 8)
        out[28] = isVFP && hasMemo ? 0x02 : 0
        out[29] = languageDriver
        var displacement = 1
        for field in layout {
            var entry = [UInt8](repeating: 0, count: 32)
            for (index, byte) in field.name.utf8.prefix(10).enumerated() { entry[index] = byte }
            entry[11] = UInt8(ascii: field.letter)
            if isVFP { put32(&entry, 12, UInt32(displacement)) }
            entry[16] = UInt8(field.width)
            entry[17] = UInt8(field.decimals)
            entry[18] = field.flags
            out += entry
            displacement += field.width
        }
        out.append(0x0D)
        if isVFP { out += [UInt8](repeating: 0, count: 263) }
        for record in records {
            out.append(record.deleted ? UInt8(ascii: "*") : UInt8(ascii: " "))
            var nullFlags = [UInt8](repeating: 0, count: flagsLength)
            var bit = 0
            for (field, value) in zip(fields, record.values) {
                var value = value
                if isVFP && field.nullable {
                    if case .null = value { nullFlags[bit / 8] |= 1 << UInt8(bit % 8) }
                    bit += 1
                }
                if case .null = value, isVFP, field.nullable, case .character = field.type { value = .text("") }
                out += encode(value, as: field.type, memo: &memo)
            }
            out += nullFlags
        }
        out.append(0x1A)
        return (out, hasMemo ? memo.bytes : nil)
    }

    // MARK: - Fields

    private var version: UInt8 {
        switch flavor {
        case .dBase3: return hasMemo ? 0x83 : 0x03
        case .dBase4: return hasMemo ? 0x8B : 0x03
        case .foxPro2: return hasMemo ? 0xF5 : 0x03
        case .visualFoxPro: return 0x30
        }
    }

    private func letter(_ type: FieldType) -> Unicode.Scalar {
        switch type {
        case .character: return "C"
        case .numeric: return "N"
        case .float: return "F"
        case .date: return "D"
        case .logical: return "L"
        case .memo: return "M"
        case .integer: return "I"
        case .currency: return "Y"
        case .dateTime: return "T"
        case .double: return "B"
        }
    }

    private func width(_ type: FieldType) -> Int {
        switch type {
        case let .character(width), let .numeric(width, _), let .float(width, _): return width
        case .date, .currency, .dateTime, .double: return 8
        case .logical: return 1
        case .memo: return isVFP ? 4 : 10
        case .integer: return 4
        }
    }

    private func decimals(_ type: FieldType) -> Int {
        switch type {
        case let .numeric(_, places), let .float(_, places): return places
        case .double: return isVFP ? 2 : 0
        default: return 0
        }
    }

    /// One field's bytes for `value`.
    private func encode(_ value: Value, as type: FieldType, memo: inout DBFMemoWriter) -> [UInt8] {
        let codePage = DBFCodePage(languageDriver: languageDriver)
        let size = width(type)
        func padded(_ text: String, right: Bool = false) -> [UInt8] {
            let bytes = Array(text.utf8.prefix(size))
            let pad = [UInt8](repeating: 0x20, count: size - bytes.count)
            return right ? pad + bytes : bytes + pad
        }
        switch (type, value) {
        case let (.character, .text(text)):
            let bytes = (codePage.encode(text) ?? Array(text.utf8)).prefix(size)
            return bytes + [UInt8](repeating: 0x20, count: size - bytes.count)
        case let (.numeric(_, places), .number(number)), let (.float(_, places), .number(number)):
            return padded(String(format: "%.\(places)f", number), right: true)
        case let (.numeric, .integer(number)), let (.float, .integer(number)):
            return padded(String(number), right: true)
        case let (.date, .date(year, month, day)):
            return Array(String(format: "%04d%02d%02d", year, month, day).utf8)
        case let (.logical, .bool(flag)):
            return [flag ? UInt8(ascii: "T") : UInt8(ascii: "F")]
        case (.logical, .null):
            return [isVFP ? 0x20 : UInt8(ascii: "?")]
        case let (.memo, .text(text)):
            let block = memo.append(codePage.encode(text) ?? Array(text.utf8))
            if isVFP { return le32(UInt32(block)) }
            return padded(String(block), right: true)
        case let (.integer, .integer(number)):
            return le32(UInt32(bitPattern: Int32(number)))
        case let (.currency, .currency(amount)):
            return le64(UInt64(bitPattern: amount))
        case let (.dateTime, .dateTime(year, month, day, hour, minute, millisecond)):
            return le32(UInt32(Self.julianDay(year: year, month: month, day: day)))
                + le32(UInt32(((hour * 60 + minute) * 60) * 1000 + millisecond))
        case let (.double, .number(number)):
            return le64(number.bitPattern)
        case (.memo, _) where isVFP, (.integer, _), (.currency, _), (.dateTime, _), (.double, _):
            return [UInt8](repeating: 0, count: size)
        default:
            return [UInt8](repeating: 0x20, count: size)
        }
    }

    /// The Julian day number of a Gregorian day.
    static func julianDay(year: Int, month: Int, day: Int) -> Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    private func put32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
        for index in 0..<4 { bytes[at + index] = UInt8((value >> (8 * UInt32(index))) & 0xFF) }
    }

    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) } }
    private func le64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8((value >> (8 * UInt64($0))) & 0xFF) } }
}

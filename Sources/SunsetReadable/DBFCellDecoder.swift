import Foundation

/// Turns the bytes of one field of one record into a `Cell`. A value the field cannot hold
/// (a date of month 13, a number of stars) becomes `.null` and is counted as unreadable.
struct DBFCellDecoder {
    let codePage: DBFCodePage
    let visualFoxPro: Bool
    /// What `decode` found unreadable (a count, for the table's report).
    var unreadable = 0

    /// The cell of `field`, whose bytes are `raw`; `memo` reads a memo block.
    mutating func decode(_ field: DBFField, _ raw: ArraySlice<UInt8>, memo: (Int) throws -> [UInt8]?) throws -> Cell {
        switch UnicodeScalar(field.type) {
        case "C":
            return .text(codePage.decode(raw.reversed().drop { $0 == 0x20 || $0 == 0 }.reversed()))
        case "V":
            return .text(codePage.decode(raw))
        case "Q":
            return .binary(Data(raw))
        case "N", "F":
            let text = String(decoding: raw, as: UTF8.self)
            return number(text, asDecimal: field.decimals > 0 || field.length > 18)
        case "D":
            return date(raw)
        case "L":
            switch raw.first.map(UnicodeScalar.init) {
            case "T", "t", "Y", "y": return .boolean(true)
            case "F", "f", "N", "n": return .boolean(false)
            case "?", " ", nil: return .null
            default: unreadable += 1; return .null
            }
        case "I" where raw.count == 4:
            return .integer(Int64(Int32(bitPattern: Self.le32(raw))))
        case "Y" where raw.count == 8:
            return .decimal(Self.currency(Int64(bitPattern: Self.le64(raw))))
        case "T" where raw.count == 8:
            return dateTime(raw)
        case "O" where raw.count == 8, "B" where visualFoxPro && raw.count == 8:
            return .real(Double(bitPattern: Self.le64(raw)))
        case "M", "G", "P", "W", "B":
            guard let block = memoBlock(raw) else { return .null }
            guard let bytes = try memo(block) else { return .null }
            return field.type == UInt8(ascii: "M") ? .text(codePage.decode(bytes)) : .binary(Data(bytes))
        default:
            return .null
        }
    }

    // MARK: - Numbers

    private mutating func number(_ raw: String, asDecimal: Bool) -> Cell {
        var text = Substring(String(raw.dbfTrimmed.map { $0 == "," ? "." : $0 }))
        if text.isEmpty { return .null }
        if text.first == "+" { text.removeFirst() }
        guard Self.isNumber(text) else { unreadable += 1; return .null }
        if !asDecimal {
            if let value = Int64(text) { return .integer(value) }
            if let point = text.firstIndex(of: "."), text[text.index(after: point)...].allSatisfy({ $0 == "0" }),
               let value = Int64(text[..<point]) {
                return .integer(value)
            }
            unreadable += 1
            return .null
        }
        if text.hasPrefix(".") { text = Substring("0" + String(text)) }
        if text.hasPrefix("-.") { text = Substring("-0" + String(text.dropFirst())) }
        if text.hasSuffix(".") { text.removeLast() }
        return .decimal(String(text))
    }

    /// Digits with at most one point and an optional sign and exponent ("-12.50", "1.5E+3").
    static func isNumber(_ text: Substring) -> Bool {
        var body = text
        if body.first == "-" { body.removeFirst() }
        var mantissa = body
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            var exponent = body[body.index(after: e)...]
            if exponent.first == "+" || exponent.first == "-" { exponent.removeFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(\.dbfIsDigit) else { return false }
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }) else { return false }
        return parts.allSatisfy { $0.allSatisfy(\.dbfIsDigit) }
    }

    /// A currency amount (ten-thousandths) as exact decimal text with four places.
    static func currency(_ value: Int64) -> String {
        let magnitude = value.magnitude
        let fraction = String(magnitude % 10_000)
        return (value < 0 ? "-" : "") + "\(magnitude / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    private mutating func memoBlock(_ raw: ArraySlice<UInt8>) -> Int? {
        if visualFoxPro && raw.count == 4 {
            let block = Int(Self.le32(raw))
            return block == 0 ? nil : block
        }
        let text = String(decoding: raw, as: UTF8.self).dbfTrimmed
        if text.isEmpty { return nil }
        guard text.count <= 10, let block = Int(text), block >= 0 else { unreadable += 1; return nil }
        return block == 0 ? nil : block
    }

    // MARK: - Dates

    private mutating func date(_ raw: ArraySlice<UInt8>) -> Cell {
        let text = String(decoding: raw, as: UTF8.self)
        if text.dbfTrimmed.isEmpty || text == "00000000" { return .null }
        guard text.count == 8, text.allSatisfy(\.dbfIsDigit), let number = Int(text) else { unreadable += 1; return .null }
        let (year, month, day) = (number / 10_000, number / 100 % 100, number % 100)
        guard Self.isDay(year: year, month: month, day: day) else { unreadable += 1; return .null }
        return .date(year: year, month: month, day: day)
    }

    /// Visual FoxPro's datetime: a Julian day number and milliseconds since midnight.
    private mutating func dateTime(_ raw: ArraySlice<UInt8>) -> Cell {
        let julian = Int(Self.le32(raw.prefix(4)))
        let milliseconds = Int(Self.le32(raw.suffix(4)))
        if julian == 0 || raw.allSatisfy({ $0 == 0x20 }) { return .null }
        // Day 1 of year 1 to the last day of 9999: what every copy can write.
        guard milliseconds < 86_400_000, (1_721_426...5_373_484).contains(julian) else { unreadable += 1; return .null }
        let (year, month, day) = Self.civilDay(julian: julian)
        let second = Double(milliseconds % 60_000) / 1000
        return .dateTime(year: year, month: month, day: day, hour: milliseconds / 3_600_000,
                         minute: milliseconds / 60_000 % 60, second: second)
    }

    /// The Gregorian day of a Julian day number (Fliegel and Van Flandern's arithmetic).
    static func civilDay(julian: Int) -> (year: Int, month: Int, day: Int) {
        let a = julian + 32_044
        let b = (4 * a + 3) / 146_097
        let c = a - 146_097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        return (100 * b + d - 4800 + m / 10, m + 3 - 12 * (m / 10), e - (153 * m + 2) / 5 + 1)
    }

    static func isDay(year: Int, month: Int, day: Int) -> Bool {
        guard year >= 1, (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}

extension DBFCellDecoder {
    /// The value of up to four little-endian bytes.
    static func le32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.prefix(4).enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }

    /// The value of up to eight little-endian bytes.
    static func le64(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }
}

extension Character {
    /// 0–9 only (not other scripts' digits).
    var dbfIsDigit: Bool { ("0"..."9").contains(self) }
}

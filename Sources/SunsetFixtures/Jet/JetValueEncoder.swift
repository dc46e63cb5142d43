import Foundation
import SunsetReadable

/// Turns one `Cell` into the bytes a Jet 4 column of a given type stores. Long values (memo,
/// OLE) come back as their content; `JetLongValueStore` decides where they go.
enum JetValueEncoder {
    /// The bytes of `cell` for `type`; nil for a null. Booleans are handled by the row (their
    /// value is a null-mask bit) and never come here.
    static func bytes(of cell: Cell, type: JetType, column: String) throws -> Data? {
        func refuse() -> JetWriterError {
            .valueDoesNotFit(column: column, type: "\(type)", value: "\(cell)")
        }
        if cell == .null { return nil }
        var bytes = Data()
        switch (type, cell) {
        case let (.byte, .integer(value)):
            guard let narrow = UInt8(exactly: value) else { throw refuse() }
            bytes.append(narrow)
        case let (.int16, .integer(value)):
            guard let narrow = Int16(exactly: value) else { throw refuse() }
            bytes.appendLittleEndian(narrow)
        case let (.int32, .integer(value)):
            guard let narrow = Int32(exactly: value) else { throw refuse() }
            bytes.appendLittleEndian(narrow)
        case let (.currency, .integer(value)):
            let (scaled, overflow) = value.multipliedReportingOverflow(by: 10_000)
            guard !overflow else { throw refuse() }
            bytes.appendLittleEndian(scaled)
        case let (.currency, .decimal(text)):
            guard let scaled = tenThousandths(text) else { throw refuse() }
            bytes.appendLittleEndian(scaled)
        case let (.single, .real(value)):
            bytes.appendLittleEndian(Float(value).bitPattern)
        case let (.double, .real(value)):
            bytes.appendLittleEndian(value.bitPattern)
        case let (.double, .integer(value)):
            bytes.appendLittleEndian(Double(value).bitPattern)
        case let (.dateTime, .real(days)):
            bytes.appendLittleEndian(days.bitPattern)
        case let (.dateTime, .date(year, month, day)):
            bytes.appendLittleEndian(jetDate(year: year, month: month, day: day).bitPattern)
        case let (.dateTime, .dateTime(year, month, day, hour, minute, second)):
            let days = jetDate(year: year, month: month, day: day)
            guard days >= 0 else { throw refuse() }   // before 1899 Jet stores the time apart
            let time = (Double(hour) * 3600 + Double(minute) * 60 + second) / 86_400
            bytes.appendLittleEndian((days + time).bitPattern)
        case let (.text(maxLength), .text(text)):
            guard text.utf16.count <= maxLength else { throw refuse() }
            bytes = text.jetUCS2
        case let (.memo, .text(text)):
            bytes = text.jetUCS2
        case let (.ole, .binary(data)):
            bytes = data
        default:
            throw refuse()
        }
        return bytes
    }

    /// A Jet date: days from 1899-12-30 to the given day of the proleptic Gregorian calendar.
    static func jetDate(year: Int, month: Int, day: Int) -> Double {
        Double(daysFromCivil(year: year, month: month, day: day) - daysFromCivil(year: 1899, month: 12, day: 30))
    }

    /// Days from 1970-01-01 to a calendar day (Howard Hinnant's civil-days method).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// "1234.56" → 12345600: a decimal with at most four places as ten-thousandths, exactly.
    static func tenThousandths(_ text: String) -> Int64? {
        var digits = Substring(text)
        let negative = digits.hasPrefix("-")
        if negative || digits.hasPrefix("+") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 4, let whole = Int64(parts[0]),
              let places = Int64(fraction.padding(toLength: 4, withPad: "0", startingAt: 0)) else { return nil }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 10_000)
        guard !overflow else { return nil }
        return negative ? -(scaled + places) : scaled + places
    }
}

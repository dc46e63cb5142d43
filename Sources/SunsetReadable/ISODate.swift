import Foundation

/// Dates and times as ISO 8601 text, the one way every copy writes them: `2026-11-28`,
/// `2026-11-28T14:05:00` (and `14:05:07.250` when the source keeps fractions of a second).
enum ISODate {
    static func text(year: Int, month: Int, day: Int) -> String {
        var bytes: [UInt8] = []
        append(year: year, month: month, day: day, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func text(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double) -> String {
        var bytes: [UInt8] = []
        append(year: year, month: month, day: day, hour: hour, minute: minute, second: second, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The day's text added to `bytes` (the CSV copy writes it without making a string).
    static func append(year: Int, month: Int, day: Int, to bytes: inout [UInt8]) {
        pad(year, 4, &bytes)
        bytes.append(UInt8(ascii: "-"))
        pad(month, 2, &bytes)
        bytes.append(UInt8(ascii: "-"))
        pad(day, 2, &bytes)
    }

    static func append(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, to bytes: inout [UInt8]) {
        append(year: year, month: month, day: day, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        pad(hour, 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        pad(minute, 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        let whole = Int(second.rounded(.down))
        pad(whole, 2, &bytes)
        let millis = Int(((second - Double(whole)) * 1000).rounded())
        if millis > 0 {
            bytes.append(UInt8(ascii: "."))
            pad(min(millis, 999), 3, &bytes)
        }
    }

    /// The number's decimal digits, zeros before them up to `width`, a minus sign first.
    static func pad(_ number: Int, _ width: Int, _ bytes: inout [UInt8]) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // The digits last first into a small buffer, then copied in reading order.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            while digits.count - start < width && start > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0")
            }
            if digits.count - start < width {   // wider than the buffer: only a caller's mistake
                bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - (digits.count - start)))
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Reads `YYYY-MM-DD`, or that with a time `HH:MM[:SS[.fff]]` after a `T` or a space
    /// (SQLite's own date functions write the space): nil for anything else.
    static func parse(_ text: String) -> Cell? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        if bytes.count == 10 { return .date(year: year, month: month, day: day) }
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), let hour = number(11..<13), let minute = number(14..<16),
              hour < 24, minute < 60 else { return nil }
        var second = 0.0
        if bytes.count > 16 {
            guard bytes[16] == UInt8(ascii: ":"), bytes.count >= 19, let whole = number(17..<19), whole < 60 else { return nil }
            second = Double(whole)
            if bytes.count > 19 {
                guard bytes[19] == UInt8(ascii: "."), bytes.count > 20, bytes[20...].allSatisfy({ $0 >= 48 && $0 <= 57 }),
                      let fraction = Double("0" + String(decoding: bytes[19...], as: UTF8.self)) else { return nil }
                second += fraction
            }
        }
        return .dateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }
}

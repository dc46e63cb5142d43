import Foundation

extension Cell {
    /// The cell as the CSV copy writes it: ISO dates, a decimal point, `true`/`false`, and
    /// nil for a null (an empty field) or bytes (which no text copy holds).
    var plainText: String? {
        switch self {
        case .null, .binary: return nil
        case let .text(text): return text
        case let .integer(number): return String(number)
        case let .real(number): return "\(number)"
        case let .decimal(text): return text
        case let .boolean(value): return value ? "true" : "false"
        case let .date(year, month, day): return ISODate.text(year: year, month: month, day: day)
        case let .dateTime(year, month, day, hour, minute, second):
            return ISODate.text(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        }
    }
}

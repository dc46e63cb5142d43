/// When one kind of support for a release cycle ends, as lifecycle data records it: a day
/// (the last day of support), or only the knowledge that it has ended or has not, without
/// a date (endoflife.date writes `true` or `false` then). Encodes as the day's text,
/// `true` or `false`.
public enum SupportEnd: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Support ends after this day.
    case date(CalendarDay)
    /// Support has ended; the data gives no day.
    case ended
    /// No end is announced yet.
    case ongoing

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = flag ? .ended : .ongoing
        } else {
            self = .date(try container.decode(CalendarDay.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .date(day): try container.encode(day)
        case .ended: try container.encode(true)
        case .ongoing: try container.encode(false)
        }
    }

    /// The day, when there is one.
    public var day: CalendarDay? {
        if case let .date(day) = self { return day }
        return nil
    }

    /// True when support is over on `asOf`: the day is past, or it ended without a date.
    public func hasEnded(asOf: CalendarDay) -> Bool {
        switch self {
        case let .date(day): return asOf > day
        case .ended: return true
        case .ongoing: return false
        }
    }

    /// The day's text, `ended` or `ongoing`.
    public var description: String {
        switch self {
        case let .date(day): return day.description
        case .ended: return "ended"
        case .ongoing: return "ongoing"
        }
    }
}

import SunsetCore

/// The type of a fact, checked when a pack loads.
public enum FactType: String, Sendable {
    case number, text, flag = "true/false", date
}

/// A fact's value about one subject.
public enum FactValue: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case text(String)
    case flag(Bool)
    case date(CalendarDay)

    /// The type of this value.
    public var type: FactType {
        switch self {
        case .number: return .number
        case .text: return .text
        case .flag: return .flag
        case .date: return .date
        }
    }

    /// The value as a pack author would write it.
    public var description: String {
        switch self {
        case let .number(value): return String(value)
        case let .text(value): return value
        case let .flag(value): return value ? "true" : "false"
        case let .date(value): return value.description
        }
    }

    /// The day, when this is a date.
    public var day: CalendarDay? {
        if case let .date(day) = self { return day }
        return nil
    }

    /// The value in a Mustache context.
    var templateValue: Any {
        switch self {
        case let .number(value): return value
        case let .text(value): return value
        case let .flag(value): return value
        case let .date(value): return value.description
        }
    }
}

/// What is known about one subject: named values (`company.name`, `as-of` …) and the
/// collections that `count` conditions filter (`company.backups` …), each item with its
/// own facts. A name missing here is "unknown": comparisons with it are false.
public struct Facts: Hashable, Sendable {
    public var values: [String: FactValue]
    public var collections: [String: [Facts]]

    /// Facts from values and collections.
    public init(_ values: [String: FactValue] = [:], collections: [String: [Facts]] = [:]) {
        self.values = values
        self.collections = collections
    }

    /// A value by name, nil when unknown.
    public subscript(name: String) -> FactValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// These facts with `other`'s laid over them (an item's facts over its subject's).
    func overlaid(with other: Facts) -> Facts {
        Facts(values.merging(other.values) { _, new in new },
              collections: collections.merging(other.collections) { _, new in new })
    }

    /// The as-of date every sheet carries.
    var asOf: CalendarDay? {
        if case let .date(day)? = values["as-of"] { return day }
        return nil
    }
}

import SunsetCore

/// One side of a comparison: a fact, date arithmetic on date facts, a count of a
/// collection's items, or a literal. Every expression has a type known when the pack loads.
public indirect enum Expression: Hashable, Sendable {
    /// A literal written in the pack.
    case literal(FactValue)
    /// A named fact's value.
    case fact(String)
    /// Days from a date fact to the as-of date (positive when the date is past).
    case daysSince(String)
    /// Days from the as-of date to a date fact (positive when the date is ahead).
    case daysUntil(String)
    /// Days from the first date fact to the second.
    case daysBetween(String, String)
    /// How many items of a collection satisfy the condition (all items when nil).
    case count(String, where: Condition?)

    /// The value for one subject, nil when a fact it needs is unknown.
    public func value(in facts: Facts) -> FactValue? {
        switch self {
        case let .literal(value): return value
        case let .fact(name): return facts[name]
        case let .daysSince(name):
            guard let day = Self.day(name, facts), let asOf = facts.asOf else { return nil }
            return .number(asOf.days(since: day))
        case let .daysUntil(name):
            guard let day = Self.day(name, facts), let asOf = facts.asOf else { return nil }
            return .number(day.days(since: asOf))
        case let .daysBetween(from, to):
            guard let start = Self.day(from, facts), let end = Self.day(to, facts) else { return nil }
            return .number(end.days(since: start))
        case let .count(name, condition):
            guard let items = facts.collections[name] else { return nil }
            guard let condition else { return .number(items.count) }
            return .number(items.filter { condition.holds(for: facts.overlaid(with: $0)) }.count)
        }
    }

    private static func day(_ name: String, _ facts: Facts) -> CalendarDay? {
        if case let .date(day)? = facts[name] { return day }
        return nil
    }

    /// The names of the facts and collections it reads.
    var factNames: [String] {
        switch self {
        case .literal: return []
        case let .fact(name), let .daysSince(name), let .daysUntil(name): return [name]
        case let .daysBetween(from, to): return [from, to]
        case let .count(name, condition): return [name] + (condition?.factNames ?? [])
        }
    }
}

import SunsetCore

/// When a rule fires or a checklist step counts as done: a tree of `all` / `any` / `not`
/// over comparisons of typed expressions. Written as structured YAML, type-checked on load
/// (see `Condition+Loading.swift` and docs/rule-packs.md).
public indirect enum Condition: Hashable, Sendable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case compare(Expression, Operator, Expression)
    /// True when the expression's value is known (`exists: true`) or unknown (`exists: false`).
    case exists(Expression, Bool)

    /// A comparison operator, as its YAML key.
    public enum Operator: String, CaseIterable, Sendable {
        case eq, ne, lt, le, gt, ge

        /// Operators that need an ordered type (numbers and dates).
        var needsOrder: Bool { ![.eq, .ne].contains(self) }

        /// The operator as a symbol, for explanations.
        public var symbol: String {
            switch self {
            case .eq: return "="
            case .ne: return "≠"
            case .lt: return "<"
            case .le: return "≤"
            case .gt: return ">"
            case .ge: return "≥"
            }
        }
    }

    /// Evaluates against one subject's facts. A comparison with an unknown value is false.
    public func holds(for facts: Facts) -> Bool {
        switch self {
        case let .all(parts): return parts.allSatisfy { $0.holds(for: facts) }
        case let .any(parts): return parts.contains { $0.holds(for: facts) }
        case let .not(part): return !part.holds(for: facts)
        case let .exists(expression, expected): return (expression.value(in: facts) != nil) == expected
        case let .compare(lhs, op, rhs):
            guard let left = lhs.value(in: facts), let right = rhs.value(in: facts) else { return false }
            return Self.compare(left, op, right)
        }
    }

    /// Names of all facts and collections the condition reads, sorted.
    public var factNames: [String] {
        let names: [String]
        switch self {
        case let .all(parts), let .any(parts): names = parts.flatMap(\.factNames)
        case let .not(part): names = part.factNames
        case let .exists(expression, _): names = expression.factNames
        case let .compare(lhs, _, rhs): names = lhs.factNames + rhs.factNames
        }
        return Array(Set(names)).sorted()
    }

    private static func compare(_ lhs: FactValue, _ op: Operator, _ rhs: FactValue) -> Bool {
        let order: Int
        switch (lhs, rhs) {
        case let (.number(a), .number(b)): order = a < b ? -1 : (a == b ? 0 : 1)
        case let (.date(a), .date(b)): order = a < b ? -1 : (a == b ? 0 : 1)
        case let (.text(a), .text(b)): order = a.lowercased() == b.lowercased() ? 0 : 1
        case let (.flag(a), .flag(b)): order = a == b ? 0 : 1
        default: return false
        }
        switch op {
        case .eq: return order == 0
        case .ne: return order != 0
        case .lt: return order < 0
        case .le: return order <= 0
        case .gt: return order > 0
        case .ge: return order >= 0
        }
    }
}

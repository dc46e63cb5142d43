import SunsetCore

/// When a rule fires or a checklist step counts as done: a tree of `all` / `any` / `not`
/// over comparisons of named facts. Written as structured YAML, type-checked on load.
public indirect enum Condition: Hashable, Sendable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case compare(fact: String, op: Operator, value: FactValue)
    /// True when the fact is known (`exists: true`) or unknown (`exists: false`).
    case exists(fact: String, Bool)

    /// A comparison operator, as its YAML key.
    public enum Operator: String, CaseIterable, Sendable {
        case eq, ne, lt, le, gt, ge

        /// Operators that need an ordered type (numbers and dates).
        var needsOrder: Bool { ![.eq, .ne].contains(self) }
    }

    /// Evaluates against one subject's facts.
    public func holds(for facts: Facts) -> Bool {
        switch self {
        case let .all(parts): return parts.allSatisfy { $0.holds(for: facts) }
        case let .any(parts): return parts.contains { $0.holds(for: facts) }
        case let .not(part): return !part.holds(for: facts)
        case let .exists(fact, expected): return (facts[fact] != nil) == expected
        case let .compare(fact, op, value):
            guard let actual = facts[fact] else { return false }
            return Self.compare(actual, op, value)
        }
    }

    /// Names of all facts the condition reads, sorted.
    public var factNames: [String] {
        switch self {
        case let .all(parts), let .any(parts): return Array(Set(parts.flatMap(\.factNames))).sorted()
        case let .not(part): return part.factNames
        case let .exists(fact, _), let .compare(fact, _, _): return [fact]
        }
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

// MARK: - Loading

extension Condition {
    /// Reads a condition, checking every fact name and operand type against `facts`.
    static func load(_ yaml: StrictYAML, facts: [String: FactType]) throws -> Condition {
        let combinators = ["all", "any", "not"]
        let comparison = ["fact"] + Operator.allCases.map(\.rawValue) + ["exists"]
        let entries = try yaml.entries()
        let keys = entries.map(\.key)
        if let key = keys.first, combinators.contains(key) {
            guard keys.count == 1 else { throw yaml.error("'\(key)' must stand alone in its mapping") }
            let value = entries[0].value
            switch key {
            case "not": return .not(try load(value, facts: facts))
            default:
                let parts = try value.list().map { try load($0, facts: facts) }
                guard !parts.isEmpty else { throw value.error("'\(key)' needs at least one condition") }
                return key == "all" ? .all(parts) : .any(parts)
            }
        }
        let fields = try yaml.fields(required: ["fact"], optional: Array(comparison.dropFirst()))
        let nameNode = fields["fact"]
        let name = try nameNode.string()
        guard let type = facts[name] else {
            throw nameNode.error("unknown fact '\(name)'" + Spelling.hint(for: name, among: Array(facts.keys)))
        }
        let ops = fields.values.keys.filter { $0 != "fact" }
        guard ops.count == 1, let opName = ops.first else {
            throw yaml.error("a comparison needs exactly one of \(comparison.dropFirst().joined(separator: ", "))")
        }
        let operand = fields[opName]
        if opName == "exists" { return .exists(fact: name, try operand.bool()) }
        let op = Operator(rawValue: opName)!
        if op.needsOrder && ![.number, .date].contains(type) {
            throw operand.error("'\(opName)' compares numbers or dates, but '\(name)' is \(type.rawValue)")
        }
        return .compare(fact: name, op: op, value: try FactValue.load(operand, as: type, fact: name))
    }
}

extension FactValue {
    /// Reads a literal of the given type, with an error naming the fact when it does not fit.
    static func load(_ yaml: StrictYAML, as type: FactType, fact: String) throws -> FactValue {
        do {
            switch type {
            case .number: return .number(try yaml.int())
            case .text: return .text(try yaml.string())
            case .flag: return .flag(try yaml.bool())
            case .date: return .date(try yaml.date())
            }
        } catch {
            throw yaml.error("'\(fact)' is \(type.rawValue), so \(yaml.describeScalar) does not fit")
        }
    }
}

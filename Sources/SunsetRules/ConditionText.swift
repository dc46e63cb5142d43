/// A condition in words, for `sunset rules explain`.
public enum ConditionText {
    public static func describe(_ condition: Condition) -> String {
        switch condition {
        case let .all(parts): return parts.map(describeNested).joined(separator: " and ")
        case let .any(parts): return parts.map(describeNested).joined(separator: " or ")
        case let .not(part): return "not " + describeNested(part)
        case let .exists(fact, known): return known ? "\(fact) is known" : "\(fact) is unknown"
        case let .compare(fact, op, value):
            let symbol = ["eq": "=", "ne": "≠", "lt": "<", "le": "≤", "gt": ">", "ge": "≥"][op.rawValue] ?? op.rawValue
            return "\(fact) \(symbol) \(value)"
        }
    }

    private static func describeNested(_ condition: Condition) -> String {
        switch condition {
        case .all, .any: return "(" + describe(condition) + ")"
        default: return describe(condition)
        }
    }
}

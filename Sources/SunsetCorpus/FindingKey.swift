/// What a finding is scored by: the rule (without its pack) and its subject, written
/// `company <name>`, `host <root>`, `installation <root>/<path>` or `file <root>/<path>`.
public struct FindingKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rule: String
    public var subject: String

    public init(rule: String, subject: String) {
        self.rule = rule
        self.subject = subject
    }

    public var description: String { "\(rule) · \(subject)" }

    public static func < (lhs: FindingKey, rhs: FindingKey) -> Bool {
        (lhs.rule, lhs.subject) < (rhs.rule, rhs.subject)
    }
}

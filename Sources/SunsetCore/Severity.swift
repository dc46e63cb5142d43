/// How much a finding matters, from `info` (worth knowing) to `critical` (data at risk now).
public enum Severity: String, Codable, CaseIterable, Comparable, Sendable {
    case info, low, medium, high, critical

    /// Position in the scale; higher is worse.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

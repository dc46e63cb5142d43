/// What a finding is about: the host, an installation, a company, one file, or one
/// installed program (an uninstall entry) that lifecycle data knows.
public struct Subject: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case host, installation, company, file, program
    }

    public var kind: Kind
    /// A readable name: the company's name, the OS name, or the path.
    public var name: String
    /// The place it refers to, when it has one.
    public var location: Location?

    public init(kind: Kind, name: String, location: Location? = nil) {
        self.kind = kind
        self.name = name
        self.location = location
    }

    public var description: String { "\(kind.rawValue) \(name)" }

    public static func < (lhs: Subject, rhs: Subject) -> Bool {
        (lhs.kind.rawValue, lhs.name, lhs.location?.root ?? -1, lhs.location?.path ?? VolumePath(""))
            < (rhs.kind.rawValue, rhs.name, rhs.location?.root ?? -1, rhs.location?.path ?? VolumePath(""))
    }
}

/// A rule's verdict on one subject. Findings are results, not errors.
public struct Finding: Hashable, Codable, Sendable {
    /// The full rule id, `<pack>/<rule>`, e.g. `invoice2go-classic/backup-missing`.
    public var ruleID: String
    public var severity: Severity
    public var subject: Subject
    /// The rule's title, in the report's language.
    public var title: String
    public var message: String
    public var remediation: String
    public var evidence: [Evidence]
    /// A hash of rule and subject that stays the same across runs while the problem stays.
    public var fingerprint: String
    /// Set when a waiver covers this finding.
    public var waiver: Waiver?

    public init(ruleID: String, severity: Severity, subject: Subject, title: String, message: String,
                remediation: String, evidence: [Evidence], fingerprint: String, waiver: Waiver? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.subject = subject
        self.title = title
        self.message = message
        self.remediation = remediation
        self.evidence = evidence
        self.fingerprint = fingerprint
        self.waiver = waiver
    }
}

/// A user's documented decision to accept a finding until a date.
public struct Waiver: Hashable, Codable, Sendable {
    public var rule: String
    public var subject: String
    public var reason: String
    public var expires: CalendarDay

    public init(rule: String, subject: String, reason: String, expires: CalendarDay) {
        self.rule = rule
        self.subject = subject
        self.reason = reason
        self.expires = expires
    }
}

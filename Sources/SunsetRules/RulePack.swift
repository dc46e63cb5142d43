import SunsetCore

/// A product described as data: its lifecycle dates, the signatures the scanner uses, the
/// rules that judge what was found, and the migration checklist.
public struct RulePack: Sendable {
    /// Schema versions this build reads.
    public static let supportedVersions = [1]

    /// Pack id, also the prefix of its rule ids (e.g. `invoice2go-classic`).
    public var id: String
    /// The pack's own release, e.g. `2026.11`.
    public var version: String
    public var product: Product
    public var signatures: ProductSignatures
    public var rules: [Rule]
    public var checklist: [StepDefinition]
    /// `built-in` or the file it was loaded from.
    public var source: String

    public var info: PackInfo { PackInfo(id: id, name: product.name, version: version, source: source) }

    /// The product a pack is about.
    public struct Product: Sendable {
        public var name: String
        public var vendor: String
        /// Lifecycle dates by name, e.g. `support-end`.
        public var dates: [String: CalendarDay]
    }
}

/// One rule: when it fires, on what, how bad, and what to tell the user.
public struct Rule: Sendable {
    /// The id within its pack, e.g. `backup-missing`.
    public var id: String
    /// `<pack>/<id>`.
    public var fullID: String
    public var scope: Subject.Kind
    public var severity: Severity
    public var title: LocalizedText
    /// A Mustache template over the subject's facts.
    public var message: LocalizedText
    public var remediation: LocalizedText
    public var references: [String]
    public var condition: Condition
    public var examples: [Example]

    /// A case written next to the rule: these facts must (or must not) make it fire.
    public struct Example: Sendable {
        public var facts: Facts
        public var fires: Bool
        /// Where the example is written, for failure messages.
        public var origin: String
    }
}

/// One step of the guided migration checklist.
public struct StepDefinition: Sendable {
    public enum Per: String, CaseIterable, Sendable { case company, machine }

    public var id: String
    public var fullID: String
    public var per: Per
    public var title: LocalizedText
    public var howTo: LocalizedText
    /// When the step counts as done, over the company's (or machine's) facts.
    public var doneWhen: Condition
    /// A Mustache template saying what the scan shows, in both states.
    public var evidence: LocalizedText
}

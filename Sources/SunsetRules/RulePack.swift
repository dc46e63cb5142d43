import SunsetCore

/// A product described as data: its lifecycle dates, the signatures the scanner uses, the
/// rules that judge what was found, and the migration checklist (docs/rule-packs.md).
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
    /// True for a pack about every installed program (its top level has `programs:` instead
    /// of `product:`): it has no signatures or checklist, and its rules judge the `program`
    /// scope whenever a lifecycle pack matched a program.
    public var aboutPrograms = false

    /// The pack as results record it.
    public var info: PackInfo { PackInfo(id: id, name: product.name, version: version, source: source) }

    /// The product a pack is about and its lifecycle.
    public struct Product: Sendable {
        public var name: String
        public var vendor: String
        /// The last day the vendor supported it (nil for a pack about every installed program).
        public var supportEnd: CalendarDay?
        /// Offers that were (or are) open until a deadline.
        public var offers: [Offer]
        /// Every lifecycle date by name: `support-end`, each offer's id, and any other named date.
        public var dates: [String: CalendarDay]
    }

    /// An offer with a deadline, e.g. a free upgrade to a successor product.
    public struct Offer: Sendable {
        public var id: String
        public var title: LocalizedText
        public var deadline: CalendarDay
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
    /// The condition as written in the pack, for `rules explain` (empty, like `examples`, in
    /// a built-in pack read for judging only: see `RulePackLoader.load`).
    public var conditionYAML: String
    /// Inventories on which the rule must fire, and inventories on which it must not.
    public var examples: [RuleExample]
}

/// One step of the guided migration checklist.
public struct StepDefinition: Sendable {
    /// Whether the step is done once per company or once for the whole machine.
    public enum Per: String, CaseIterable, Sendable { case company, global }

    public var id: String
    public var fullID: String
    public var per: Per
    public var title: LocalizedText
    /// A short name for the step's column in the reports' "at a glance" table (the title
    /// stands in when the pack gives none).
    public var label: LocalizedText?
    /// Date facts that date the step's evidence, first present wins (e.g. the newest
    /// backup's day), shown next to its state in the reports.
    public var dateFrom: [String]
    public var howTo: LocalizedText
    /// When the step counts as done, over the company's (or the product's) facts.
    public var doneWhen: Condition
    /// For per-company steps: the companies the step applies to (all when nil).
    public var appliesWhen: Condition?
    /// A Mustache template saying what the scan shows, in both states.
    public var evidence: LocalizedText
}

/// A small inventory written next to a rule, with the date it is judged at, and whether
/// the rule must fire on it. `sunset rules validate` and the test suite run every one.
public struct RuleExample: Sendable {
    public var fires: Bool
    public var inventory: Inventory
    public var asOf: CalendarDay
    public var warnWithin: Int
    /// Where it is written, for failure messages.
    public var location: SourceLocation
    /// The example as written, for `rules explain`.
    public var yaml: String

    /// `file:line` of the example.
    public var origin: String { "\(location.file):\(location.line)" }
}

/// A place in a YAML file: file, line, column and key path.
public struct SourceLocation: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var keyPath: String

    /// An error pointing here.
    func error(_ reason: String) -> RulePackError {
        .invalid(file: file, line: line, column: column, keyPath: keyPath, reason: reason)
    }
}

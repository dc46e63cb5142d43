import SunsetCore
import SunsetRules

/// Everything a reporter renders: the results, and what the results alone do not say —
/// the language, the packs' rule descriptions, the failure threshold and the run's duration.
public struct ReportInput: Sendable {
    public var results: AuditResults
    public var language: Language
    /// The packs the results were judged with (for SARIF's rule list and JUnit's test cases).
    /// Rules of findings whose pack is not here are described from the findings themselves.
    public var packs: [RulePack]
    /// Findings at or above this severity are failures in JUnit.
    public var failOn: Severity
    /// Wall-clock seconds the scan and evaluation took. Never written to the machine formats,
    /// and left nil for reproducible runs (`--as-of`) so that every format stays byte-identical.
    public var duration: Double?
    /// What is known about each host OS's release and end of support.
    public var hostLifecycle: HostLifecycle.Lookup

    public init(results: AuditResults, language: Language = .en, packs: [RulePack] = [], failOn: Severity = .high,
                duration: Double? = nil, hostLifecycle: @escaping HostLifecycle.Lookup = HostLifecycle.builtIn) {
        self.results = results
        self.language = language
        self.packs = packs
        self.failOn = failOn
        self.duration = duration
        self.hostLifecycle = hostLifecycle
    }
}

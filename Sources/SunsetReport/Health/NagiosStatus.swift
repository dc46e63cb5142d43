import SunsetCore

/// The Nagios plugin convention: one status line `SUNSET STATE - summary | perfdata` and an
/// exit code, 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
public struct NagiosStatus: Sendable {
    public enum State: Int32, Sendable {
        case ok = 0, warning = 1, critical = 2, unknown = 3

        var label: String { ["OK", "WARNING", "CRITICAL", "UNKNOWN"][Int(rawValue)] }
    }

    public var state: State
    public var line: String

    /// Findings at or above `critical` make CRITICAL, at or above `warning` WARNING.
    public init(_ results: AuditResults, facts: HealthFacts, warning: Severity, critical: Severity) {
        let criticalCount = facts.count(atLeast: critical)
        let warningCount = facts.count(atLeast: warning)
        state = criticalCount > 0 ? .critical : (warningCount > 0 ? .warning : .ok)
        let worst = results.findings.filter { $0.waiver == nil && $0.severity >= warning }
            .max { ($0.severity, $1.ruleID) < ($1.severity, $0.ruleID) }
        var summary = "\(criticalCount) finding(s) at or above \(critical.rawValue), \(warningCount) at or above \(warning.rawValue)"
        if let worst { summary += "; worst: \(worst.ruleID) (\(CheckLines.oneLine(worst.subject.name)))" }
        line = "SUNSET \(state.label) - \(Self.plain(summary)) | \(Self.performance(facts))"
    }

    /// UNKNOWN: the check could not run.
    public static func unknown(_ reason: String) -> NagiosStatus {
        NagiosStatus(state: .unknown, line: "SUNSET UNKNOWN - \(plain(CheckLines.oneLine(reason)))")
    }

    private init(state: State, line: String) {
        self.state = state
        self.line = line
    }

    /// Performance data: `'label'=value;warn;crit;min`, labels quoted.
    static func performance(_ facts: HealthFacts) -> String {
        var items = Severity.allCases.reversed().map { "\(label("findings_\($0.rawValue)"))=\(facts.findings[$0] ?? 0);;;0" }
        for (company, days) in facts.backupAges.sorted(by: { $0.company < $1.company }) {
            items.append("\(label("backup_age_days_\(company)"))=\(days.map(String.init) ?? "U");7;30;0")
        }
        for (product, days) in facts.daysSinceSupportEnd {
            items.append("\(label("days_since_support_end_\(product)"))=\(days);;;")
        }
        items.append("\(label("end_of_life_programs"))=\(facts.endOfLife.count);;;0")
        items.append("\(label("files_walked"))=\(facts.filesWalked);;;0")
        return items.joined(separator: " ")
    }

    /// A performance label in single quotes; a quote inside is doubled, and `=` and `|`
    /// (which would end the label or the data) become `_`, as do control characters.
    static func label(_ text: String) -> String {
        let cleaned = CheckLines.oneLine(text).map { "=|".contains($0) ? "_" : String($0) }.joined()
        return "'" + cleaned.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Status text cannot hold `|`, which starts performance data.
    static func plain(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "/") }
}

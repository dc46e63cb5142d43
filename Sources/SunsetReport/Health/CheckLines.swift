import SunsetCore

/// `sunset check`'s plain output: one line per finding at or above the threshold, then one
/// summary line (the only line when all is well).
public enum CheckLines {
    public static func render(_ results: AuditResults, failOn: Severity) -> String {
        let active = results.findings.filter { $0.waiver == nil }
        let failing = active.filter { $0.severity >= failOn }
        var lines = failing.map { finding in
            "\(finding.severity.rawValue.uppercased()) \(finding.ruleID) [\(finding.subject.kind.rawValue) \(oneLine(finding.subject.name))]: \(oneLine(finding.message))"
        }
        let waived = results.findings.count - active.count
        let verdict = failing.isEmpty ? "OK" : "FAIL"
        lines.append("sunset check \(verdict): \(failing.count) finding(s) at or above \(failOn.rawValue), "
                     + "\(active.count) in all, \(waived) waived, as of \(results.asOf)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text on one line: newlines and other control characters become spaces.
    public static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}

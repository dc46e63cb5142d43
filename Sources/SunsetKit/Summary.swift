import Foundation
import SunsetCore

/// The few lines `audit` prints on the terminal after writing its reports.
public enum Summary {
    public static func text(_ outcome: Audit.Outcome) -> String {
        let results = outcome.results
        let inventory = results.inventory
        var lines: [String] = []
        lines.append("Sunset \(results.tool.version) — as of \(results.asOf)")
        for root in inventory.roots {
            lines.append("  scanned \(root.path) (\(root.isWindowsVolume ? "Windows volume" : "folder"); \(root.host.name))")
        }
        lines.append("  \(inventory.coverage.files) files walked, \(inventory.coverage.candidates) opened, "
                     + "\(inventory.coverage.gaps.count) unreadable, in \(String(format: "%.2f", outcome.seconds)) s")
        lines.append("  \(inventory.installations.count) installation(s), \(inventory.companies.count) company(ies), "
                     + "\(inventory.backups.filter(\.readable).count) readable backup(s)")
        let active = results.findings.filter { $0.waiver == nil }
        if active.isEmpty {
            lines.append("No findings.")
        } else {
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let n = active.filter { $0.severity == severity }.count
                return n == 0 ? nil : "\(n) \(severity.rawValue)"
            }
            lines.append("Findings: " + counts.joined(separator: ", "))
            for finding in active.prefix(12) {
                lines.append("  [\(finding.severity.rawValue)] \(finding.ruleID): \(finding.subject.name)")
            }
            if active.count > 12 { lines.append("  … and \(active.count - 12) more in the report") }
        }
        let waived = results.findings.filter { $0.waiver != nil }
        if !waived.isEmpty {
            lines.append("Waived: \(waived.count)")
            for finding in waived.prefix(12) {
                lines.append("  [waived until \(finding.waiver?.expires.description ?? "?")] \(finding.ruleID): \(finding.subject.name)")
            }
            if waived.count > 12 { lines.append("  … and \(waived.count - 12) more in the report") }
        }
        let done = results.checklist.flatMap(\.items).filter(\.done).count
        let total = results.checklist.flatMap(\.items).count
        lines.append("Checklist: \(done) of \(total) step(s) done")
        for path in outcome.written { lines.append("Wrote \(path)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

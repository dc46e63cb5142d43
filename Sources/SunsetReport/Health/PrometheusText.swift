import Foundation
import SunsetCore

/// The Prometheus text exposition format, for node_exporter's textfile collector.
public enum PrometheusText {
    /// One sample of a metric family.
    struct Sample {
        var labels: [(name: String, value: String)] = []
        var value: String
    }

    /// The metrics of one check run; `now` is the run's time (seconds since 1970).
    public static func render(_ facts: HealthFacts, now: Int) -> String {
        let companies = facts.backupAges.sorted { $0.company < $1.company }
        let families: [(String, String, [Sample])] = [
            ("sunset_findings", "Findings not waived, by severity.",
             Severity.allCases.reversed().map { Sample(labels: [("severity", $0.rawValue)], value: String(facts.findings[$0] ?? 0)) }),
            ("sunset_backup_age_days", "Days since the newest readable backup of each company (NaN when it has none).",
             companies.map { Sample(labels: [("company", $0.company)], value: $0.days.map(String.init) ?? "NaN") }),
            ("sunset_company_has_backup", "1 when the company has a readable backup.",
             companies.map { Sample(labels: [("company", $0.company)], value: $0.days == nil ? "0" : "1") }),
            ("sunset_support_ended", "1 when the product found is past the end of its vendor support.",
             facts.daysSinceSupportEnd.map { Sample(labels: [("product", $0.product)], value: $0.days > 0 ? "1" : "0") }),
            ("sunset_days_since_support_end", "Days since the product's vendor support ended (negative before).",
             facts.daysSinceSupportEnd.map { Sample(labels: [("product", $0.product)], value: String($0.days)) }),
            ("sunset_program_end_of_life_days",
             "Days since security support ended, per end-of-life program's product and cycle (NaN when the data gives no date).",
             facts.endOfLife.map { Sample(labels: [("product", $0.product), ("cycle", $0.cycle)], value: $0.days.map(String.init) ?? "NaN") }),
            ("sunset_scan_files_total", "Files walked by the last scan.", [Sample(value: String(facts.filesWalked))]),
            ("sunset_last_run_timestamp_seconds", "When the check last ran.", [Sample(value: String(now))]),
        ]
        var out = ""
        for (name, help, samples) in families {
            out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for sample in samples {
                let labels = sample.labels.isEmpty ? ""
                    : "{" + sample.labels.map { "\($0.name)=\"\(escape($0.value))\"" }.joined(separator: ",") + "}"
                out += "\(name)\(labels) \(sample.value)\n"
            }
        }
        return out
    }

    /// A label value: backslash, double quote and newline escaped as the format requires.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

import Foundation
import SunsetCore

/// The Prometheus text exposition format, for node_exporter's textfile collector.
public enum PrometheusText {
    /// One sample of a metric family.
    struct Sample {
        var labels: [(name: String, value: String)] = []
        var value: String
    }

    /// The metrics of one check run; `now` is the run's time (seconds since 1970). Names
    /// follow Prometheus' conventions: base units (seconds), a moment as a
    /// `_timestamp_seconds` gauge rather than an age (the age is `time() - metric`, right at
    /// any moment between runs), no `_total` on a gauge, NaN where there is no moment.
    public static func render(_ facts: HealthFacts, now: Int) -> String {
        let backups = facts.newestBackups.sorted { $0.company < $1.company }
        let families: [(String, String, [Sample])] = [
            ("sunset_findings", "Findings not waived, by severity.",
             Severity.allCases.reversed().map { Sample(labels: [("severity", $0.rawValue)], value: String(facts.findings[$0] ?? 0)) }),
            ("sunset_newest_backup_timestamp_seconds",
             "Modification time of the newest readable backup of each company (NaN when it has none).",
             backups.map { Sample(labels: [("company", $0.company)], value: seconds($0.modified)) }),
            ("sunset_company_has_backup", "1 when the company has a readable backup.",
             backups.map { Sample(labels: [("company", $0.company)], value: $0.modified == nil ? "0" : "1") }),
            ("sunset_support_ended", "1 when the product found is past the end of its vendor support.",
             facts.daysSinceSupportEnd.map { Sample(labels: [("product", $0.product)], value: $0.days > 0 ? "1" : "0") }),
            ("sunset_support_end_timestamp_seconds",
             "When the vendor support of the product found ended: the end (24:00 UTC) of its last day of support.",
             facts.supportEnds.map { Sample(labels: [("product", $0.product)], value: seconds($0.day.endUTC)) }),
            ("sunset_program_end_of_life_timestamp_seconds",
             "When security support ended, per end-of-life program's product and cycle: the end (24:00 UTC) of its last day (NaN when the data gives no date).",
             facts.endOfLife.map { Sample(labels: [("product", $0.product), ("cycle", $0.cycle)],
                                          value: seconds($0.securitySupportEnd?.endUTC)) }),
            ("sunset_scan_files", "Files walked by the last scan.", [Sample(value: String(facts.filesWalked))]),
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

    /// Whole seconds since 1970, or NaN for no moment.
    static func seconds(_ date: Date?) -> String {
        date.map { String(Int(floor($0.timeIntervalSince1970))) } ?? "NaN"
    }

    /// A label value: backslash, double quote and newline escaped as the format requires.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

import Foundation
import SunsetFixtures
import Testing

/// `check --prometheus` as Prometheus' own linter judges it, and the alert rules that
/// docs/monitoring.md gives, checked and unit-tested by `promtool` (Debian's prometheus).
@Suite struct PrometheusConventionsTests {
    /// The metrics file of a check of `volume`.
    func metrics(_ volume: VolumeBuilder) throws -> String {
        let out = try VolumeBuilder.temporary("prometheus-out")
        defer { out.remove() }
        let file = out.url("sunset.prom").path
        let result = try sunset().run(["check", volume.root.path, "--prometheus", file, "--as-of", fixedAsOf])
        #expect(result.status == 0 || result.status == 1, "\(result.stdout)\(result.stderr)")
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    /// The Prometheus part of docs/monitoring.md, and its one YAML block of alert rules.
    func documentedPrometheus() throws -> (section: String, rules: String) {
        let text = try String(contentsOf: repository.appendingPathComponent("docs/monitoring.md"), encoding: .utf8)
        let start = try #require(text.range(of: "## cron and node_exporter"), "docs/monitoring.md lost its Prometheus section")
        let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        let section = String(text[start.lowerBound..<end])
        let blocks = section.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let rules = blocks.filter { $0.hasPrefix("groups:") }
        #expect(rules.count == 1, "one YAML block of alert rules in docs/monitoring.md, found \(rules.count)")
        return (section, try #require(rules.first))
    }

    @Test func promtoolFindsNoProblemInTheMetrics() throws {
        let promtool = try installedTool("promtool", install: "it is in Debian's prometheus package (apt-get install prometheus)")
        let sample = try sampleVolume(#function)
        defer { sample.remove() }
        let healthy = try CheckCommandTests().healthyVolume(#function)
        defer { healthy.remove() }
        for volume in [sample, healthy] {
            let text = try metrics(volume)
            let lint = try promtool.run(["check", "metrics"], stdin: Data(text.utf8))
            #expect(lint.status == 0 && (lint.stdout + lint.stderr).isEmpty,
                    "promtool check metrics (exit \(lint.status)):\n\(lint.stdout)\(lint.stderr)\non:\n\(text)")
            #expect(!text.contains("_days"), "ages are in seconds: \(text)")
        }
        // The sample's Atelier Martin has no readable backup; Invoice2go Classic's support
        // ended at the end of 31 October 2017.
        let text = try metrics(sample)
        #expect(text.contains("sunset_newest_backup_timestamp_seconds{company=\"Atelier Martin\"} NaN\n"), "\(text)")
        #expect(text.contains("sunset_company_has_backup{company=\"Atelier Martin\"} 0\n"))
        #expect(text.contains("sunset_support_end_timestamp_seconds{product=\"invoice2go-classic\"} 1509494400\n"))
        #expect(text.contains("# TYPE sunset_scan_files gauge\n"))
    }

    @Test func theDocumentedMetricsAreTheOnesWritten() throws {
        let sample = try sampleVolume(#function)
        defer { sample.remove() }
        let written = Set(try metrics(sample).split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }
            .map { String($0.split(separator: " ")[2]) })
        let section = try documentedPrometheus().section
        let named = Set(section.matches(of: /sunset_[a-z_]+/).map { String($0.output) })
        #expect(!named.isEmpty)
        #expect(named.subtracting(written).isEmpty, "documented but not written: \(named.subtracting(written).sorted())")
        #expect(written.subtracting(named).isEmpty, "written but not documented: \(written.subtracting(named).sorted())")
    }

    @Test func theDocumentedAlertRulesLoadAndFireOnlyOnStaleBackups() throws {
        let promtool = try installedTool("promtool", install: "it is in Debian's prometheus package (apt-get install prometheus)")
        let folder = try VolumeBuilder.temporary("prometheus-rules")
        defer { folder.remove() }
        _ = try folder.file("rules.yml", text: try documentedPrometheus().rules)
        let unitTests = try Data(contentsOf: repository.appendingPathComponent("Tests/Fixtures/prometheus/alerts-test.yml"))
        _ = try folder.file("alerts-test.yml", unitTests)

        let check = try promtool.run(["check", "rules", "rules.yml"], in: folder.root)
        #expect(check.status == 0, "promtool check rules:\n\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("SUCCESS: 3 rules found"), "\(check.stdout)\(check.stderr)")
        let test = try promtool.run(["test", "rules", "alerts-test.yml"], in: folder.root)
        #expect(test.status == 0, "promtool test rules:\n\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains("SUCCESS"), "\(test.stdout)\(test.stderr)")
    }
}

import Foundation
import SunsetFixtures
import Testing

/// `sunset check` as CI and monitoring run it: exit codes, Nagios lines, Prometheus files.
@Suite struct CheckCommandTests {
    /// A disk where all is well at `high`: one company with a fresh backup in OneDrive and
    /// fresh exports, no program (only the medium `data-without-program` remains).
    func healthyVolume(_ name: String, company: String = "Dupont") throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        let day = fixedNow.addingTimeInterval(-86_400)
        try volume.file("Users/marie/Documents/Invoice2go/\(company)/company.mdb", Samples.accessDatabase(), modified: day.addingTimeInterval(-3600))
        try volume.zip("Users/marie/OneDrive/Backups/backup.zip", entries: [("company.mdb", Samples.accessDatabase())], modified: day)
        try volume.file("Users/marie/OneDrive/Backups/clients.csv", text: Samples.clientCSV, modified: day)
        try volume.file("Users/marie/OneDrive/Backups/products.csv", text: Samples.productCSV, modified: day)
        return volume
    }

    func check(_ arguments: [String]) throws -> CommandRunner.Result {
        try sunset().run(["check"] + arguments + ["--as-of", fixedAsOf])
    }

    @Test func plainModeExitCodes() throws {
        let healthy = try healthyVolume(#function)
        defer { healthy.remove() }
        let sample = try sampleVolume(#function)
        defer { sample.remove() }

        let ok = try check([healthy.root.path])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.split(separator: "\n").count == 1)
        #expect(ok.stdout.hasPrefix("sunset check OK: 0 finding(s) at or above high"))

        let failing = try check([sample.root.path])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("CRITICAL invoice2go-classic/backup-missing [company Atelier Martin]"))
        let lines = failing.stdout.split(separator: "\n")
        #expect(lines.count == 9, "8 findings at or above high (the system's among them) and the summary: \(failing.stdout)")

        #expect(try check([healthy.root.path, "--fail-on", "medium"]).status == 1)
        #expect(try check([sample.root.path, "--fail-on", "nonsense"]).status == 2)
        let missing = try check(["/nonexistent/sunset-check-root"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/sunset-check-root"))
    }

    @Test func nagiosModeExitCodesAndStatusLine() throws {
        let healthy = try healthyVolume(#function)
        defer { healthy.remove() }
        let sample = try sampleVolume(#function)
        defer { sample.remove() }

        let ok = try check([healthy.root.path, "--nagios", "--warning", "high", "--critical", "critical"])
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("SUNSET OK - "))
        let warning = try check([healthy.root.path, "--nagios", "--warning", "medium", "--critical", "critical"])
        #expect(warning.status == 1)
        #expect(warning.stdout.hasPrefix("SUNSET WARNING - "))
        let critical = try check([sample.root.path, "--nagios"])
        #expect(critical.status == 2)
        #expect(critical.stdout.hasPrefix("SUNSET CRITICAL - "))
        // High: six of the pack's and Windows 11 23H2 itself (past its end of security support).
        #expect(critical.stdout.contains(" | 'findings_critical'=1;;;0 'findings_high'=7;;;0"))
        #expect(critical.stdout.contains("'backup_age_days_Plomberie Martin'=40;7;30;0"))
        #expect(critical.stdout.contains("'backup_age_days_Atelier Martin'=U;7;30;0"))
        #expect(critical.stdout.contains("'days_since_support_end_invoice2go-classic'=3316;;;"))
        #expect(critical.stdout.split(separator: "\n").count == 1)

        let unknown = try check(["/nonexistent/sunset-nagios-root", "--nagios"])
        #expect(unknown.status == 3)
        #expect(unknown.stdout.hasPrefix("SUNSET UNKNOWN - "))
        #expect(try check([sample.root.path, "--nagios", "--warning", "bogus"]).status == 3)
    }

    @Test func aBrokenWaiversFileStopsBothModes() throws {
        let sample = try sampleVolume(#function)
        defer { sample.remove() }
        let folder = try VolumeBuilder.temporary("waivers")
        defer { folder.remove() }
        let waivers = try folder.file("waivers.yaml", text: "version: 1\nwaivers:\n  - rule: [not, a, string]\n").path
        let plain = try check([sample.root.path, "--waivers", waivers])
        #expect(plain.status == 2)
        #expect(plain.stderr.contains("waivers.yaml"))
        let nagios = try check([sample.root.path, "--waivers", waivers, "--nagios"])
        #expect(nagios.status == 3)
        #expect(nagios.stdout.hasPrefix("SUNSET UNKNOWN - "))
    }

    @Test func checkingTwiceGivesIdenticalOutput() throws {
        let sample = try sampleVolume(#function)
        defer { sample.remove() }
        for mode in [[], ["--nagios"], ["--github"]] {
            let first = try check([sample.root.path] + mode)
            let second = try check([sample.root.path] + mode)
            #expect(first.stdout == second.stdout)
            #expect(first.status == second.status)
        }
    }

    @Test func prometheusFileParsesAndKeepsAwkwardLabels() throws {
        let awkward = "Say \"hi\" \\ back\nnext line"
        let volume = try healthyVolume(#function, company: awkward)
        defer { volume.remove() }
        let out = try VolumeBuilder.temporary("textfile")
        defer { out.remove() }
        let file = out.url("sunset.prom").path
        let result = try check([volume.root.path, "--prometheus", file])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // The backup was written a day before the fixed clock, 2026-11-28 12:00 UTC.
        #expect(text.contains(#"sunset_newest_backup_timestamp_seconds{company="Say \"hi\" \\ back\nnext line"} 1795867200"#), "\(text)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.root.path).filter { $0.hasSuffix(".prom") } == ["sunset.prom"])

        // The real parser of the Prometheus Python client reads it back, label intact.
        let script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        out = {}
        for family in text_string_to_metric_families(open(sys.argv[1]).read()):
            for sample in family.samples:
                out.setdefault(sample.name, []).append([sample.labels, sample.value])
        print(json.dumps(out))
        """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, file]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "prometheus_client could not parse the file (is it installed?)")
        let parsed = try JSONSerialization.jsonObject(with: data) as? [String: [[Any]]]
        let backups = try #require(parsed?["sunset_newest_backup_timestamp_seconds"])
        #expect((backups.first?[0] as? [String: String])?["company"] == awkward)
        #expect(backups.first?[1] as? Double == 1_795_867_200)
        #expect(parsed?["sunset_findings"]?.count == 5)
        #expect(parsed?["sunset_last_run_timestamp_seconds"]?.count == 1)
    }
}

import Foundation
import SunsetFixtures
import Testing

/// `sunset audit` run as a user runs it, on fixture volumes.
@Suite struct AuditCommandTests {
    @Test func markdownReportNamesInstallationCompaniesFindingsAndChecklist() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let result = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "md", "--output", "-"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = result.stdout

        #expect(report.contains("Program Files (x86)/Invoice2go"))
        for company in SampleVolume.companies {
            #expect(report.contains("#### \(company)"), "company \(company) missing")
        }
        #expect(report.contains("`invoice2go-classic/support-ended`"))
        #expect(report.contains("`invoice2go-classic/backup-missing`"))
        #expect(report.contains("F10"))

        // The checklist has the three steps, each with one line per company.
        let checklist = try #require(report.components(separatedBy: "## Migration checklist").last)
        for step in ["Back up the company with F10", "Export the client list", "Export the product list"] {
            let section = try #require(checklist.components(separatedBy: step).dropFirst().first, "step '\(step)' missing")
            let stepLines = section.components(separatedBy: "\n- [").first ?? ""
            for company in SampleVolume.companies {
                #expect(stepLines.contains("] \(company):"), "step '\(step)' lacks \(company)")
            }
        }
        // Evidence decides the ticks: Boulangerie Dupont has a 1-day-old backup and a client list,
        // Atelier Martin only a truncated backup.
        #expect(checklist.contains("- [x] Boulangerie Dupont: newest readable backup"))
        #expect(checklist.contains("- [ ] Atelier Martin: no readable backup found"))
    }

    @Test func missingRootExitsTwoWithOneLineNamingIt() throws {
        let missing = "/nonexistent/sunset-\(UUID().uuidString)"
        let result = try sunset().run(["audit", missing, "--as-of", fixedAsOf, "--format", "md", "--output", "-"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
        #expect(result.stderr.contains(missing))
        #expect(result.stdout.isEmpty)
    }

    @Test func writesTheDefaultReportsIntoTheOutputFolder() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let output = try VolumeBuilder.temporary("out")
        defer { output.remove() }
        let folder = output.root.appendingPathComponent("reports").path
        let result = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--output", folder])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for name in ["report.md", "report.html", "results.json"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + name), "\(name) not written")
        }
        #expect(result.stdout.contains("Findings:"))
    }

    @Test func refusesToOverwriteAFileItDidNotWrite() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let output = try VolumeBuilder.temporary("out")
        defer { output.remove() }
        try output.file("report.md", text: "my own notes\n")
        let result = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--output", output.root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to overwrite"))
        #expect(try String(contentsOf: output.url("report.md"), encoding: .utf8) == "my own notes\n")
    }

    @Test func refusesAnOutputFolderInsideTheScanRoot() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let inside = volume.url("reports").path
        let result = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--output", inside])
        #expect(result.status == 2)
        #expect(result.stderr.contains("inside the scan root"))
        #expect(!FileManager.default.fileExists(atPath: inside))
    }
}

import Foundation
import SunsetFixtures
import SunsetKit
import Testing

/// `sunset rules list | validate | explain`, run as a user runs them.
@Suite struct RulesCommandTests {
    static let shippedRules: [String] = (try? RuleCatalog.ruleIDs()) ?? []

    @Test func listShowsEveryRuleWithItsSeverityAndTitle() throws {
        let result = try sunset().run(["rules", "list"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(Self.shippedRules.count >= 11)
        for id in Self.shippedRules {
            #expect(result.stdout.contains(id), "\(id) missing from the list")
        }
        #expect(result.stdout.contains("invoice2go-classic/backup-missing                critical company      No backup of this company"))
    }

    @Test func importEndoflifeRefusesABrokenProductFileWithItsFileAndLine() throws {
        let input = try VolumeBuilder.temporary(#function)
        defer { input.remove() }
        let output = try VolumeBuilder.temporary("out")
        defer { output.remove() }
        try input.file("broken.yaml", text: "releases:\n  - releaseCycle: \"1\"\n    eol: [oops\n")
        let result = try sunset().run(["rules", "import-endoflife", input.root.path, "--to", output.root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(input.url("broken.yaml").path + ":4:"), "stderr: \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.root.path).isEmpty, "nothing is written")
    }

    @Test(arguments: shippedRules)
    func explainWorksForEveryShippedRule(_ id: String) throws {
        let result = try sunset().run(["rules", "explain", id])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix(id + " — "))
        for heading in ["What it checks:", "Condition, as written:", "What to do:", "Examples on which it fires:",
                        "Examples on which it stays silent:"] {
            #expect(text.contains(heading), "\(id): no '\(heading)'")
        }
        // Each example shows what the engine made of it: a subject for those that fire.
        let firing = try #require(text.components(separatedBy: "Examples on which it fires:").last?
            .components(separatedBy: "Examples on which it stays silent:").first)
        #expect(firing.contains("→ ") && !firing.contains("→ no finding"), "\(id): \(firing)")
    }

    @Test func explainNamesTheClosestRuleWhenTheIdIsWrong() throws {
        let result = try sunset().run(["rules", "explain", "invoice2go-classic/backup-mising"])
        #expect(result.status == 2)
        #expect(result.stderr == "sunset: error: no rule 'invoice2go-classic/backup-mising'; did you mean 'invoice2go-classic/backup-missing'? (see `sunset rules list`)\n")
    }

    @Test func validateAcceptsTheShippedRulesFolder() throws {
        let result = try sunset().run(["rules", "validate", repository.appendingPathComponent("Rules").path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("invoice2go-classic.yaml: ok"))
        #expect(result.stdout.contains("end-of-life.yaml: ok (end-of-life 2026.12, 6 rules"))
        #expect(result.stdout.contains("os/windows.yaml: ok (windows releases, 36 entries)"))
    }

    @Test func validateListsEveryErrorOfEveryFileAndExitsTwo() throws {
        let folder = try VolumeBuilder.temporary(#function)
        defer { folder.remove() }
        let pack = try String(contentsOf: repository.appendingPathComponent("Rules/invoice2go-classic.yaml"), encoding: .utf8)
        var broken = pack.replacingOccurrences(of: "    severity: critical", with: "    severity: critcal")
        broken = broken.replacingOccurrences(of: "- {fact: company.client-export-fresh, eq: true}",
                                             with: "- {fact: company.client-export-fresh, eq: 1}")
        try folder.file("i2g.yaml", text: broken)
        try folder.file("os/windows.yaml", text: "version: 1\nos: windows\nreleases: []\n")

        let result = try sunset().run(["rules", "validate", folder.root.path])
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 3, "\(result.stderr)")
        #expect(errors.allSatisfy { $0.hasPrefix("sunset: error: \(folder.root.path)/") })
        #expect(result.stderr.contains("os/windows.yaml:3:11 at 'releases': the list must not be empty"))
        #expect(result.stderr.contains("'critcal' is not one of info, low, medium, high, critical — did you mean 'critical'?"))
        #expect(result.stderr.contains("'company.client-export-fresh' is true/false, so '1' does not fit"))
    }

    @Test func validateRefusesAMissingPath() throws {
        let result = try sunset().run(["rules", "validate", "/nonexistent/sunset-packs"])
        #expect(result.status == 2)
        #expect(result.stderr == "sunset: error: /nonexistent/sunset-packs: cannot read: no such file or folder\n")
    }
}

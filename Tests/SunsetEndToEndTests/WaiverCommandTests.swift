import Foundation
import SunsetFixtures
import Testing

/// `--waivers FILE` and the default `.sunset-waivers.yaml`, on the demo's sample disk.
@Suite struct WaiverCommandTests {
    static let waivers = """
    version: 1
    waivers:
      - rule: invoice2go-classic/backup-missing
        subject: Atelier Martin
        reason: The workshop closed; its data is kept on paper.
        expires: 2027-01-31
      - rule: invoice2go-classic/backup-unreadable
        subject: "Compta/*"
        reason: Kept for the insurer's claim.
        expires: 2027-01-31
    """

    private func audit(_ volume: VolumeBuilder, _ extra: [String], in folder: URL? = nil) throws -> CommandRunner.Result {
        try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf] + extra, in: folder)
    }

    @Test func waivedFindingsStayVisibleAsWaivedInJSONAndMarkdown() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let folder = try VolumeBuilder.temporary("waivers")
        defer { folder.remove() }
        let file = try folder.file("waivers.yaml", text: Self.waivers)

        let json = try audit(volume, ["--waivers", file.path, "--format", "json", "--output", "-"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let results = try decodeResults(json.stdout)
        let waived = results.findings.filter { $0.waiver != nil }.map { "\($0.ruleID) \($0.subject.name)" }
        #expect(waived == ["invoice2go-classic/backup-missing Atelier Martin",
                           "invoice2go-classic/backup-unreadable Compta/Sauvegardes/Atelier Martin backup.zip"])
        #expect(!results.findings.contains { $0.ruleID.hasPrefix("sunset/") })
        #expect(results.worstSeverity == .high, "the waived critical finding no longer counts")

        let markdown = try audit(volume, ["--waivers", file.path, "--format", "md", "--output", "-"])
        let section = try #require(markdown.stdout.components(separatedBy: "## Waived findings").last)
        #expect(section.contains("`invoice2go-classic/backup-missing`, company Atelier Martin"))
        #expect(section.contains("The workshop closed; its data is kept on paper. (until January 31, 2027)"))

        let summary = try audit(volume, ["--waivers", file.path, "--output", folder.url("reports").path])
        #expect(summary.stdout.contains("Waived: 2\n  [waived until January 31, 2027] invoice2go-classic/backup-missing: Atelier Martin\n"),
                "\(summary.stdout)")
        #expect(!summary.stdout.contains("[critical]"))
        let html = try String(contentsOf: folder.url("reports/report.html"), encoding: .utf8)
        #expect(html.contains("<code>invoice2go-classic/backup-missing</code> · Subject: company Atelier Martin"))
    }

    @Test func theDefaultWaiversFileInTheWorkingFolderIsRead() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let folder = try VolumeBuilder.temporary("cwd")
        defer { folder.remove() }
        try folder.file(".sunset-waivers.yaml", text: Self.waivers)
        let result = try audit(volume, ["--format", "json", "--output", "-"], in: folder.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try decodeResults(result.stdout).findings.filter { $0.waiver != nil }.count == 2)
    }

    @Test func expiredAndUnusedWaiversBecomeFindings() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let folder = try VolumeBuilder.temporary("waivers")
        defer { folder.remove() }
        let text = Self.waivers.replacingOccurrences(of: "expires: 2027-01-31\n  - rule", with: "expires: 2026-11-28\n  - rule")
            .replacingOccurrences(of: "subject: \"Compta/*\"", with: "subject: \"Archives/*\"")
        let file = try folder.file("waivers.yaml", text: text)
        let result = try audit(volume, ["--waivers", file.path, "--format", "json", "--output", "-"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let findings = try decodeResults(result.stdout).findings
        #expect(findings.allSatisfy { $0.waiver == nil })
        #expect(findings.filter { $0.ruleID.hasPrefix("sunset/") }.map { "\($0.ruleID) \($0.subject.name)" }
                == ["sunset/waiver-expired \(file.path):3", "sunset/waiver-unused \(file.path):7"])
    }

    @Test func aBrokenWaiversFileStopsTheAuditWithOneLine() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let folder = try VolumeBuilder.temporary("waivers")
        defer { folder.remove() }
        let file = try folder.file("waivers.yaml", text: Self.waivers.replacingOccurrences(of: "    reason: Kept for the insurer's claim.\n", with: ""))
        let result = try audit(volume, ["--waivers", file.path, "--format", "json", "--output", "-"])
        #expect(result.status == 2)
        #expect(result.stderr == "sunset: error: \(file.path):7:5 at 'waivers[1]': missing required key 'reason'\n")
        #expect(result.stdout.isEmpty)

        let missing = try audit(volume, ["--waivers", folder.url("nope.yaml").path, "--format", "json", "--output", "-"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yaml: cannot read"))
    }
}

import Foundation
import SunsetFixtures
import Testing

/// The packs are data: editing YAML changes what fires, and the binary carries its packs.
@Suite struct RulesAreDataTests {
    /// The repository's pack file, located from this source file.
    static let packFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules/invoice2go-classic.yaml")

    @Test func movingTheSupportEndIntoTheFutureSilencesSupportEnded() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let rules = try VolumeBuilder.temporary("rules")
        defer { rules.remove() }
        let original = try String(contentsOf: Self.packFile, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "support-end: 2017-10-31", with: "support-end: 2099-10-31")
        #expect(edited != original, "the pack no longer states support-end as expected")
        try rules.file("invoice2go-classic.yaml", text: edited)

        let arguments = ["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "json", "--output", "-"]
        let before = try sunset().run(arguments)
        let after = try sunset().run(arguments + ["--rules", rules.url("invoice2go-classic.yaml").path])
        #expect(before.status == 0 && after.status == 0, "\(before.stderr)\(after.stderr)")
        #expect(before.stdout.contains("\"invoice2go-classic/support-ended\""))
        #expect(!after.stdout.contains("\"invoice2go-classic/support-ended\""))
        #expect(after.stdout.contains("\"invoice2go-classic/backup-missing\""))
    }

    @Test func aBinaryCopiedAloneIntoAnEmptyFolderStillAudits() throws {
        let runner = try sunset()
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let lonely = try VolumeBuilder.temporary("lonely")
        defer { lonely.remove() }
        let copy = lonely.url("sunset")
        try FileManager.default.copyItem(at: runner.executable, to: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: lonely.root.path) == ["sunset"])

        let result = try CommandRunner(executable: copy).run(
            ["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "md", "--output", "-"], in: lonely.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("invoice2go-classic/support-ended"))
        #expect(result.stdout.contains("Migration checklist"))
    }
}

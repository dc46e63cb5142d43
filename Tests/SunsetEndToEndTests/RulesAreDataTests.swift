import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// The packs are data: editing YAML changes what the audit says, an edit that contradicts a
/// rule's examples is refused, and the binary carries its packs.
@Suite struct RulesAreDataTests {
    static let packFile = repository.appendingPathComponent("Rules/invoice2go-classic.yaml")

    /// The shipped pack with one edit, written to a temporary folder.
    private func editedPack(_ name: String, from: String, to: String) throws -> (VolumeBuilder, String) {
        let rules = try VolumeBuilder.temporary(name)
        let original = try String(contentsOf: Self.packFile, encoding: .utf8)
        let edited = original.replacingOccurrences(of: from, with: to)
        #expect(edited != original, "the pack no longer contains '\(from)'")
        return (rules, try rules.file("invoice2go-classic.yaml", text: edited).path)
    }

    @Test func editingASeverityInThePackChangesTheResults() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let (rules, pack) = try editedPack(#function, from: "    severity: critical", to: "    severity: medium")
        defer { rules.remove() }

        let arguments = ["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "json", "--output", "-"]
        let before = try decodeResults(try sunset().run(arguments).stdout)
        let after = try sunset().run(arguments + ["--rules", pack])
        #expect(after.status == 0, "stderr: \(after.stderr)")
        let missing = { (results: AuditResults) in results.findings.first { $0.ruleID == "invoice2go-classic/backup-missing" }?.severity }
        #expect(missing(before) == .critical)
        #expect(missing(try decodeResults(after.stdout)) == .medium)
        #expect(try decodeResults(after.stdout).packs.first { $0.id == "invoice2go-classic" }?.source == pack)
    }

    @Test func movingTheSupportEndIntoTheFutureSilencesSupportEnded() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let (rules, pack) = try editedPack(#function, from: "support-end: 2017-10-31", to: "support-end: 2099-10-31")
        defer { rules.remove() }
        let arguments = ["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "json", "--output", "-"]
        let before = try decodeResults(try sunset().run(arguments).stdout)
        let after = try sunset().run(arguments + ["--rules", pack])
        #expect(after.status == 0, "stderr: \(after.stderr)")
        let fired = { (results: AuditResults) in Set(results.findings.map(\.ruleID)) }
        #expect(fired(before).contains("invoice2go-classic/support-ended"))
        #expect(!fired(try decodeResults(after.stdout)).contains("invoice2go-classic/support-ended"))
        #expect(fired(try decodeResults(after.stdout)).contains("invoice2go-classic/backup-missing"))
    }

    @Test func validateRefusesAPackWhoseExamplesNoLongerHold() throws {
        // With support ending in 2099 no Windows release came after it, so the examples of
        // os-changed-since-support-end no longer hold: validation says so.
        let (rules, pack) = try editedPack(#function, from: "support-end: 2017-10-31", to: "support-end: 2099-10-31")
        defer { rules.remove() }
        let result = try sunset().run(["rules", "validate", pack])
        #expect(result.status == 2)
        #expect(result.stderr.contains("this example should make 'os-changed-since-support-end' fire, but it does not"),
                "\(result.stderr)")
    }

    @Test func aBinaryCopiedAloneIntoAnEmptyFolderStillAudits() throws {
        try expectAuditsAlone(try sunset().executable)
    }

    /// The release tarball's binary (Packaging/build-deb), unpacked and copied alone out of
    /// the build tree. Skipped where no tarball was built; under CI (`CI=true`, where
    /// `.ci/run` builds it) a missing tarball fails instead.
    @Test(.enabled(if: ReleaseTarball.find() != nil || ReleaseTarball.required,
                   "no release tarball: run Packaging/build-deb first"))
    func theTarballsBinaryCopiedAloneStillAudits() throws {
        let tarball = try #require(ReleaseTarball.find(),
                                   "CI=true but no release tarball was found: .ci/run must build it (\(ReleaseTarball.searched))")
        let unpacked = try VolumeBuilder.temporary(#function)
        defer { unpacked.remove() }
        let tar = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/tar"))
            .run(["-xzf", tarball.path, "-C", unpacked.root.path])
        #expect(tar.status == 0, "tar: \(tar.stderr)")
        let top = try #require(try FileManager.default.contentsOfDirectory(atPath: unpacked.root.path).first)
        #expect(top == tarball.lastPathComponent.replacingOccurrences(of: ".tar.gz", with: ""))
        let tree = unpacked.url(top)
        for part in ["share/man/man1/sunset.1", "share/man/man1/sunset.audit.1", "share/bash-completion/completions/sunset",
                     "share/zsh/site-functions/_sunset", "share/fish/vendor_completions.d/sunset.fish",
                     "share/doc/sunset/copyright", "share/doc/sunset/LICENSE",
                     "share/doc/sunset/licenses/swift-crypto/LICENSE.txt"] {
            #expect(FileManager.default.fileExists(atPath: tree.appendingPathComponent(part).path), "\(part) missing")
        }
        let copyright = try String(contentsOf: tree.appendingPathComponent("share/doc/sunset/copyright"), encoding: .utf8)
        #expect(copyright.contains("\n\nFiles: *\nCopyright: The Sunset authors\nLicense: Apache-2.0\n"), "\(copyright.prefix(1200))")
        let binary = tree.appendingPathComponent("bin/sunset")
        let version = try CommandRunner(executable: binary).run(["--version"])
        #expect(tarball.lastPathComponent.hasPrefix("sunset-\(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines))-"))
        try expectAuditsAlone(binary)
    }

    /// Copies `binary` alone into an empty folder outside the build tree and audits the
    /// sample disk with it: the packs, the templates and the Windows release table travel inside.
    private func expectAuditsAlone(_ binary: URL, test: String = #function) throws {
        let volume = try sampleVolume(test)
        defer { volume.remove() }
        let lonely = try VolumeBuilder.temporary("lonely-" + test)
        defer { lonely.remove() }
        let copy = lonely.url("sunset")
        try FileManager.default.copyItem(at: binary, to: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: lonely.root.path) == ["sunset"])
        #expect(!copy.path.hasPrefix(repository.path), "\(copy.path) is inside the repository")

        let result = try CommandRunner(executable: copy).run(
            ["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "md", "--output", "-"], in: lonely.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("invoice2go-classic/support-ended"))
        #expect(result.stdout.contains("Migration checklist"))
        // The Windows release table travels too: the OS rule's examples fire on their hosts.
        let rules = try CommandRunner(executable: copy).run(["rules", "explain", "invoice2go-classic/os-changed-since-support-end"],
                                                            in: lonely.root)
        #expect(rules.stdout.contains("→ host windows build 19045"), "\(rules.stdout)")
    }
}

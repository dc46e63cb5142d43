import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// `sunset audit IMAGE` (issue 22): the sample disk's image, in every format, is judged as
/// the same volume as a folder is; damage is a gap, not a crash; the image never changes.
@Suite struct ImageAuditTests {
    private func audit(_ roots: [String]) throws -> (status: Int32, results: AuditResults, stderr: String) {
        let result = try sunset().run(["audit"] + roots + ["--as-of", fixedAsOf, "--format", "json", "--output", "-", "--color", "never"])
        return (result.status, try decodeResults(result.stdout), result.stderr)
    }

    /// A finding without the root label that multi-root scans put in front of paths.
    private func bare(_ text: String) -> String {
        guard text.hasPrefix("["), let end = text.firstIndex(of: "]") else { return text }
        return String(text[text.index(after: end)...]).trimmingCharacters(in: .whitespaces)
    }

    private func summary(_ results: AuditResults) -> [String] {
        results.findings.map { "\($0.ruleID) \($0.severity) \(bare($0.subject.name))" }.sorted()
    }

    private func ticks(_ results: AuditResults) -> [String] {
        results.checklist.map { step in "\(step.id): " + step.items.map { "\($0.done)" }.joined(separator: ",") }
    }

    @Test(arguments: ImageFixtures.diskImages)
    func anImageIsJudgedAsTheFolderIs(name: String) throws {
        let image = try ImageFixtures.url(name)
        let hash = try ImageFixtures.sha256(image)
        let folder = try audit([try ImageFixtures.url("volume").path])
        let imaged = try audit([image.path])
        #expect(imaged.status == folder.status, "stderr: \(imaged.stderr)")
        #expect(imaged.results.inventory.roots.map(\.label) == ["\(name) · partition 1, FAT12 'SYSTEM'", "\(name) · partition 2, NTFS 'Windows'"])
        #expect(!summary(folder.results).isEmpty)
        #expect(summary(imaged.results) == summary(folder.results))
        #expect(ticks(imaged.results) == ticks(folder.results))
        #expect(imaged.results.inventory.companies.map(\.name).sorted() == SampleVolume.companies.sorted())
        #expect(try ImageFixtures.sha256(image) == hash, "the image must not change")
    }

    @Test func aTruncatedImageBesideAGoodRootIsAGapAndTheAuditsExitCode() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let broken = scratch.appendingPathComponent("old-pc.vhdx")
        let whole = try Data(contentsOf: try ImageFixtures.url("pc.vhdx"))
        try whole.prefix(whole.count / 3).write(to: broken)
        let volume = try ImageFixtures.url("volume").path
        let alone = try audit([volume])
        let both = try audit([volume, broken.path])
        #expect([0, 1].contains(both.status), "stderr: \(both.stderr)")
        #expect(both.status == alone.status)
        let gaps = both.results.inventory.coverage.gaps.filter { $0.location.root >= 1 }
        #expect(!gaps.isEmpty)
        #expect(gaps.allSatisfy { !$0.reason.contains("\n") })
        #expect(both.results.inventory.roots.dropFirst().allSatisfy { $0.label?.hasPrefix("old-pc.vhdx") == true })
        #expect(summary(both.results).filter { !$0.contains("coverage") } == summary(alone.results).filter { !$0.contains("coverage") })
    }

    /// libtsk runs first in a child process that walks the image: when it dies (made to here,
    /// by the child-only test hook), the image is a gap naming the signal, the other root is
    /// judged as usual and the audit ends with its own exit code.
    @Test func aCrashOfTheImageReaderIsAGapNotACrashOfTheAudit() throws {
        let folder = try ImageFixtures.url("volume").path
        let image = try ImageFixtures.url("pc.vhdx").path
        let result = try sunset().run(["audit", folder, image, "--as-of", fixedAsOf, "--format", "json", "--output", "-",
                                       "--color", "never"], environment: ["SUNSET_IMAGE_CHILD_TEST_HOOK": "segv"])
        let alone = try audit([folder])
        #expect(result.status == alone.status, "stderr: \(result.stderr)")
        let results = try decodeResults(result.stdout)
        let gaps = results.inventory.coverage.gaps.filter { $0.location.root == 1 }
        #expect(gaps.map(\.reason) == ["disk image: the image reader crashed (signal 11, SIGSEGV) on this image: not read"])
        #expect(results.inventory.companies.map(\.name).sorted() == SampleVolume.companies.sorted())
    }

    @Test func scanAndCheckTakeImagesToo() throws {
        let image = try ImageFixtures.url("pc.E01").path
        let scan = try sunset().run(["scan", image, "--output", "-"])
        #expect(scan.status == 0, "stderr: \(scan.stderr)")
        #expect(scan.stdout.contains("pc.E01 · partition 2, NTFS 'Windows'"))
        let check = try sunset().run(["check", image, "--as-of", fixedAsOf])
        let folderCheck = try sunset().run(["check", try ImageFixtures.url("volume").path, "--as-of", fixedAsOf])
        #expect(check.status == folderCheck.status, "stderr: \(check.stderr)")
    }

    /// `rescue` of an image copies from inside it, through libtsk: the bag validates with the
    /// Library of Congress's bagit, every saved file is byte for byte what The Sleuth Kit's own
    /// `icat` gives for it, the databases get their readable copies, and the image is unchanged.
    @Test func rescueOfAnImageMakesABagOfIcatsBytes() throws {
        let image = try ImageFixtures.url("pc.E01")
        let hash = try ImageFixtures.sha256(image)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-bag-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try sunset().run(["rescue", image.path, "--to", scratch.path, "--as-of", fixedAsOf])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("saved whole: \(SampleVolume.companies.sorted().joined(separator: ", "))"), "\(result.stdout)")

        let bagit = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env")).run(["python3", "-m", "bagit", "--validate", scratch.path])
        #expect(bagit.status == 0, "bagit.py: \(bagit.stderr)")

        // The NTFS file system is the image's second root: its files are under data/pc.E01-partition-2/.
        let top = scratch.appendingPathComponent("data/pc.E01-partition-2")
        let saved = (FileManager.default.enumerator(atPath: top.path)?.allObjects as? [String] ?? []).filter { path in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: top.appendingPathComponent(path).path, isDirectory: &isFolder)
            return !isFolder.boolValue && !path.contains(".readable/")
        }
        #expect(saved.contains("Users/marie/Documents/Invoice2go/Boulangerie Dupont/company.mdb"), "\(saved.sorted())")
        #expect(saved.count >= 5)
        let offset = String(ImageFixtures.ntfsOffset / 512)
        for path in saved {
            let found = try ImageFixtures.sleuthKit("ifind", ["-o", offset, "-n", path, image.path])
            let number = String(decoding: found, as: UTF8.self).split(separator: "-").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            let inode = try #require(UInt64(number ?? ""), "ifind: \(path)")
            let expected = try ImageFixtures.icat(image, offset: ImageFixtures.ntfsOffset, inode: inode)
            #expect(try Data(contentsOf: top.appendingPathComponent(path)) == expected, "\(path) differs from icat's bytes")
        }
        #expect(FileManager.default.fileExists(atPath: top.appendingPathComponent(
            "Users/marie/Documents/Invoice2go/Boulangerie Dupont/company.mdb.readable/company.sqlite").path))
        #expect(try ImageFixtures.sha256(image) == hash, "the image must not change")

        // A second run finds everything verified and changes nothing.
        let again = try sunset().run(["rescue", image.path, "--to", scratch.path, "--as-of", fixedAsOf])
        #expect(again.status == 0 && again.stdout.contains("0 copied and verified now"), "\(again.stdout)\(again.stderr)")
    }
}

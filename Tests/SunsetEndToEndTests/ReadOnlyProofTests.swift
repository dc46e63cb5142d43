import Foundation
import SunsetFixtures
import Testing

/// The promise that matters most: no command changes anything on the disk it reads.
@Suite struct ReadOnlyProofTests {
    @Test func noCommandChangesTheScannedVolume() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let out = try VolumeBuilder.temporary("outputs")
        defer { out.remove() }
        // Old access times (older than the modification times), so any ordinary read shows.
        try TreeState.setAccessTimes(volume.root, to: Date(timeIntervalSince1970: 1_400_000_000))
        // Setting them changed every change time: wait until the folders count as settled, so
        // that the second `check --state` takes the quick way (stat only) and is tested too.
        Thread.sleep(forTimeInterval: 2.2)
        let before = try TreeState.record(volume.root)
        let root = volume.root.path
        let state = out.url("check.state").path
        let commands: [[String]] = [
            ["check", root, "--as-of", fixedAsOf, "--state", state],
            ["check", root, "--as-of", fixedAsOf, "--state", state],
            ["scan", root, "--output", "-"],
            ["audit", root, "--as-of", fixedAsOf, "--format", "md,html,json,sarif,junit", "--output", out.url("report").path],
            ["check", root, "--as-of", fixedAsOf, "--prometheus", out.url("sunset.prom").path],
            ["check", root, "--as-of", fixedAsOf, "--nagios"],
            ["report", "--from", out.url("report/results.json").path, "--format", "md,html", "--lang", "fr",
             "--output", out.url("again").path],
            ["rescue", root, "--as-of", fixedAsOf, "--to", out.url("bag").path],
            ["verify", out.url("bag").path],
        ]
        for arguments in commands {
            let result = try sunset().run(arguments)
            #expect([0, 1, 2].contains(result.status) && !result.stderr.contains("error"),
                    "\(arguments.first!) failed: \(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: out.url("bag/manifest-sha256.txt").path))
        let after = try TreeState.record(volume.root)
        #expect(before.count >= 20)
        for (old, new) in zip(before, after) where old != new {
            Issue.record("changed: \(old.path): \(old) → \(new)")
        }
        #expect(before == after)
    }
}

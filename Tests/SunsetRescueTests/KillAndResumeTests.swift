import Foundation
import Glibc
import SunsetFixtures
import Testing

/// A rescue killed with SIGKILL half-way never leaves a bag that looks complete; run again
/// into the same folder, it skips what was already verified and finishes a valid bag.
@Suite struct KillAndResumeTests {
    /// Pseudo-random, incompressible, never sparse.
    static func noise(_ count: Int, seed: UInt64) -> Data {
        var state = seed
        var data = Data(count: count)
        data.withUnsafeMutableBytes { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for index in words.indices {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                words[index] = state
            }
        }
        return data
    }

    /// Polls `condition` every 10 ms for up to `seconds`.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(10_000)
        }
        return false
    }

    @Test func aRescueKilledMidCopyIsResumedIntoABagBothValidatorsAccept() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let company = "Users/marie/Documents/Invoice2go/Boulangerie Dupont"
        try volume.file("\(company)/archive-1.dat", Self.noise(6 << 20, seed: 1), modified: fixedNow)
        try volume.file("\(company)/archive-2.dat", Self.noise(24 << 20, seed: 2), modified: fixedNow)
        let out = try VolumeBuilder.temporary("usb")
        defer { out.remove() }
        let bag = out.url("copy").path

        // Slowed down (SUNSET_TEST_COPY_DELAY_MS: 30 ms per MiB), killed once archive-1 is
        // recorded as verified and archive-2 is being copied.
        let process = Process()
        process.executableURL = try sunset().executable
        process.arguments = ["rescue", volume.root.path, "--to", bag, "--as-of", fixedAsOf]
        process.environment = ProcessInfo.processInfo.environment.merging(["SUNSET_TEST_COPY_DELAY_MS": "30"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let caught = Self.wait(seconds: 60) {
            let record = (try? String(contentsOfFile: bag + "/sunset-rescue.json", encoding: .utf8)) ?? ""
            let copying = (try? FileManager.default.attributesOfItem(atPath: bag + "/.sunset-work/copying"))?[.size] as? UInt64 ?? 0
            return Self.verified(record, "data/\(company)/archive-1.dat") && copying >= 2 << 20
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(caught, "the rescue finished or stalled before it could be killed mid-copy")
        #expect(process.terminationReason == .uncaughtSignal)

        // Killed: the bag does not pass as complete.
        #expect(!FileManager.default.fileExists(atPath: bag + "/manifest-sha256.txt"))
        #expect(try sunset().run(["verify", bag]).status == 1)
        #expect(try bagitPy(bag).status != 0)

        // Run again: what was verified is skipped, the rest is copied, both validators agree.
        let again = try rescue([volume.root.path], to: bag)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        let skipped = try #require(again.stdout.firstMatch(of: /(\d+) already verified by an earlier run/)?.1)
        #expect(Int(skipped)! >= 1, "\(again.stdout)")
        #expect(again.stdout.contains("21 file(s)"), "12 saved and 9 readable copies: \(again.stdout)")
        #expect(!FileManager.default.fileExists(atPath: bag + "/.sunset-work"))
        let verify = try sunset().run(["verify", bag])
        #expect(verify.status == 0, "\(verify.stdout)")
        let python = try bagitPy(bag)
        #expect(python.status == 0, "bagit.py: \(python.stderr)")
        #expect(try bytes(bag + "/data/\(company)/archive-2.dat") == bytes(volume.url("\(company)/archive-2.dat").path))
    }

    /// True when the record's entry for `payload` is in the verified state.
    static func verified(_ record: String, _ payload: String) -> Bool {
        guard let data = record.data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = json["files"] as? [[String: Any]] else { return false }
        return files.contains { $0["payload"] as? String == payload && $0["state"] as? String == "verified" }
    }

    @Test func aSecondRunIntoAFinishedBagCopiesNothingAndChangesNothing() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let out = try VolumeBuilder.temporary("usb")
        defer { out.remove() }
        let bag = out.url("copy").path
        try #require(try rescue([volume.root.path], to: bag).status == 0)
        let names = ["bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt", "sunset-index.md",
                     "sunset-rescue.json", "tagmanifest-sha256.txt"]
        let before = try names.map { try bytes(bag + "/" + $0) }

        let again = try rescue([volume.root.path], to: bag)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(again.stdout.contains("0 copied and verified now, 10 already verified by an earlier run"), "\(again.stdout)")
        #expect(try names.map { try bytes(bag + "/" + $0) } == before)
        #expect(try bagitPy(bag).status == 0)
    }
}

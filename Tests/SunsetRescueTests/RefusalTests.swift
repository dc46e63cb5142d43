import Foundation
import Glibc
import SunsetFixtures
import Testing

/// A rescue refuses, with one clear line and exit status 2, before writing anything, when
/// the destination would put the source or someone's files at risk or cannot hold the copy.
@Suite struct RefusalTests {
    /// Exit 2, exactly one line on stderr containing `message`, nothing on stdout.
    func expectRefused(_ result: CommandRunner.Result, _ message: String) {
        #expect(result.status == 2, "stdout: \(result.stdout)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
        #expect(result.stderr.hasPrefix("sunset: error: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aDestinationInsideAScanRootIsRefused() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let inside = volume.url("Users/marie/Documents/rescue").path
        expectRefused(try rescue([volume.root.path], to: inside), "lies inside the scan root '\(volume.root.path)'")
        #expect(!FileManager.default.fileExists(atPath: inside))
    }

    @Test func aDestinationHoldingAScanRootIsRefused() throws {
        let outer = try VolumeBuilder.temporary(#function)
        defer { outer.remove() }
        let volume = try VolumeBuilder(root: outer.url("disk"))
        try SampleVolume.build(volume, now: fixedNow)
        expectRefused(try rescue([volume.root.path], to: outer.root.path), "lies inside the destination")
    }

    @Test func anUnrelatedNonEmptyDestinationIsRefusedAndLeftAlone() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let out = try VolumeBuilder.temporary("usb")
        defer { out.remove() }
        try out.file("notes.txt", text: "my own notes\n")
        expectRefused(try rescue([volume.root.path], to: out.root.path), "is not empty and is not a bag made by sunset rescue")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.root.path) == ["notes.txt"])
    }

    @Test func aBagOfOtherFoldersIsRefused() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let other = try sampleVolume("other")
        defer { other.remove() }
        let out = try VolumeBuilder.temporary("usb")
        defer { out.remove() }
        let bag = out.url("copy").path
        try #require(try rescue([volume.root.path], to: bag).status == 0)
        expectRefused(try rescue([other.root.path], to: bag), "was made from other folders (\(volume.root.path))")
    }

    @Test func notEnoughFreeSpaceIsRefusedBeforeCopying() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let out = try VolumeBuilder.temporary("usb")
        defer { out.remove() }
        // A sparse file larger than the free space: it takes no room on the volume itself.
        let huge = volume.url("Users/marie/Documents/Invoice2go/Boulangerie Dupont/archive.dat")
        try Data().write(to: huge)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: freeBytes(out.root.path) + (1 << 40))
        try handle.close()

        let bag = out.url("copy").path
        expectRefused(try rescue([volume.root.path], to: bag), "not enough free space in '\(bag)'")
        #expect(!FileManager.default.fileExists(atPath: bag))
    }
}

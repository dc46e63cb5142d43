import Foundation
import SunsetFixtures
import Testing

/// `sunset verify` finds every missing, extra and corrupt file and names it.
@Suite struct VerifyTests {
    /// A fresh bag of the sample disk in a temporary folder.
    func makeBag(_ name: String) throws -> (volume: VolumeBuilder, out: VolumeBuilder, bag: String) {
        let volume = try sampleVolume(name)
        let out = try VolumeBuilder.temporary("usb")
        let bag = out.url("copy").path
        let result = try rescue([volume.root.path], to: bag)
        try #require(result.status == 0, "stderr: \(result.stderr)")
        return (volume, out, bag)
    }

    @Test func oneFlippedByteUnderDataFailsVerifyNamingTheFile() throws {
        let (volume, out, bag) = try makeBag(#function)
        defer { volume.remove(); out.remove() }
        let file = "data/Users/marie/Documents/Invoice2go/Plomberie Martin/company.mdb"
        try flipByte(bag + "/" + file, at: 100)

        let result = try sunset().run(["verify", bag])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("corrupt: \(file) (sha256 differs from manifest-sha256.txt; sha512 differs from manifest-sha512.txt)"),
                "\(result.stdout)")
        #expect(lines.last == "NOT valid: \(bag): 1 problem(s)")
        #expect(try bagitPy(bag).status != 0, "bagit.py should agree that the bag is damaged")
    }

    @Test func missingAndExtraFilesAreEachNamed() throws {
        let (volume, out, bag) = try makeBag(#function)
        defer { volume.remove(); out.remove() }
        let gone = "data/Compta/Invoice2go - Atelier Martin/atelier.mdb"
        try FileManager.default.removeItem(atPath: bag + "/" + gone)
        try Data("stray".utf8).write(to: URL(fileURLWithPath: bag + "/data/stray.txt"))
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: bag + "/sunset-index.md"))

        let result = try sunset().run(["verify", bag])
        #expect(result.status == 1)
        #expect(result.stdout.contains("missing: \(gone) (listed in manifest-sha256.txt, manifest-sha512.txt)"), "\(result.stdout)")
        #expect(result.stdout.contains("extra: data/stray.txt (in data/ but in no manifest)"))
        #expect(result.stdout.contains("corrupt: sunset-index.md (sha256 differs from tagmanifest-sha256.txt)"))
        #expect(result.stdout.contains("invalid: bag-info.txt (Payload-Oxum says 19 file(s)"))
    }

    @Test func aFolderThatIsNotABagIsInvalidAndAMissingOneCannotBeChecked() throws {
        let empty = try VolumeBuilder.temporary(#function)
        defer { empty.remove() }
        let notBag = try sunset().run(["verify", empty.root.path])
        #expect(notBag.status == 1)
        #expect(notBag.stdout.contains("missing: bagit.txt"))

        let missing = try sunset().run(["verify", empty.url("nothing-here").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(missing.stderr.hasPrefix("sunset: error: cannot read '\(empty.url("nothing-here").path)'"))
    }
}

import Foundation
import SunsetFixtures
import Testing
@testable import SunsetImage

/// SunsetImage against The Sleuth Kit's own tools: what `fls -r -p` lists and `icat` reads,
/// for the one sample disk in every format (Tests/Fixtures/images).
@Suite struct DiskImageTests {
    static let formats: [(String, DiskImage.Format)] = [
        ("pc.raw", .raw), ("pc.001", .splitRaw), ("pc.E01", .encase), ("pc.vhd", .vhd), ("pc.vhdx", .vhdx), ("pc.vmdk", .vmdk),
    ]

    @Test func linksTheSleuthKit() {
        #expect(SleuthKit.version.split(separator: ".").count >= 2)
    }

    @Test(arguments: formats)
    func everyFormatIsRecognisedWithItsPartitionsAndLabels(name: String, format: DiskImage.Format) throws {
        let image = try DiskImage.open(try ImageFixtures.url(name).path)
        #expect(image.format == format)
        #expect(image.size >= (6144 + 32768) * 512)
        let (systems, gaps) = try image.fileSystems()
        #expect(gaps.isEmpty)
        #expect(systems.map(\.label) == ["\(name) · partition 1, FAT12 'SYSTEM'", "\(name) · partition 2, NTFS 'Windows'"])
        #expect(systems.map(\.offset) == [ImageFixtures.fatOffset, ImageFixtures.ntfsOffset])
    }

    /// Every allocated name `fls -r -p` lists (less the NTFS metadata files, streams and the
    /// names libtsk makes up) is walked, with the same kind, and nothing else.
    @Test(arguments: formats.map(\.0))
    func walkListsWhatFlsLists(name: String) throws {
        let url = try ImageFixtures.url(name)
        let before = try ImageFixtures.sha256(url)
        let image = try DiskImage.open(url.path)
        for system in try image.fileSystems().fileSystems {
            var walked: [String: String] = [:]
            let gaps = system.walk { path, entry in
                let letter: String
                switch entry.kind {
                case .file: letter = "r"
                case .directory: letter = "d"
                case .symlink: letter = "l"
                case .special: letter = "-"
                }
                walked[String(decoding: path, as: UTF8.self)] = letter
                return true
            }
            #expect(gaps.isEmpty)
            let expected = try ImageFixtures.fls(url, offset: system.offset)
            #expect(walked == expected, "\(system.label)")
            #expect(walked.count > (system.type == "NTFS" ? 20 : 1))
        }
        #expect(try ImageFixtures.sha256(url) == before, "the image must not change")
    }

    /// Every file's bytes, read in small pieces, are `icat`'s; its time is the folder copy's.
    @Test(arguments: formats.map(\.0))
    func filesReadAsIcatReadsThem(name: String) throws {
        let url = try ImageFixtures.url(name)
        let volume = try ImageFixtures.url("volume")
        let image = try DiskImage.open(url.path)
        let ntfs = try #require(try image.fileSystems().fileSystems.first { $0.type == "NTFS" })
        var files = 0
        ntfs.walk { path, entry in
            guard entry.kind == .file else { return true }
            files += 1
            let text = String(decoding: path, as: UTF8.self)
            guard case .success(let file) = ntfs.open(inode: entry.inode) else {
                Issue.record("cannot open \(text)")
                return true
            }
            var read: [UInt8] = []
            let complete = file.stream(chunk: 4096) { piece in read += piece; return true }
            #expect(complete)
            #expect(file.size == entry.size)
            #expect(Data(read) == (try? ImageFixtures.icat(url, offset: ntfs.offset, inode: entry.inode)), "\(text)")
            // Only files copied from the folder: the hives and the sample's files.
            if let attributes = try? FileManager.default.attributesOfItem(atPath: volume.appendingPathComponent(text).path),
               let modified = attributes[.modificationDate] as? Date {
                #expect(abs(entry.modified.timeIntervalSince(modified)) < 1, "\(text)")
                #expect(Data(read) == (try? Data(contentsOf: volume.appendingPathComponent(text))), "\(text)")
            }
            return true
        }
        #expect(files >= 15)
    }

    @Test func filesAreFoundByPathAndReadInBoundedPieces() throws {
        let image = try DiskImage.open(try ImageFixtures.url("pc.vhdx").path)
        let ntfs = try #require(try image.fileSystems().fileSystems.last)
        let hive = try ntfs.open(path: Array("Windows/System32/config/SOFTWARE".utf8)).get()
        #expect(hive.read(at: 0, count: 4) == Array("regf".utf8))
        #expect(hive.read(at: hive.size - 2, count: 10)?.count == 2)
        #expect(hive.read(at: hive.size, count: 10) == [])
        #expect(ntfs.entry(at: Array("Users/marie/Documents".utf8))?.kind == .directory)
        #expect(ntfs.entry(at: Array("Users/nobody".utf8)) == nil)
        if case .success = ntfs.open(path: Array("Users".utf8)) { Issue.record("a folder opened as a file") }
        if case .success = ntfs.open(path: Array("$MFT".utf8)) { Issue.record("NTFS metadata is not listed") }
    }

    @Test func aDiskWithoutPartitionTableIsOneFileSystem() throws {
        let image = try DiskImage.open(try ImageFixtures.url("usb.img").path)
        let (systems, gaps) = try image.fileSystems()
        #expect(gaps.isEmpty)
        #expect(systems.map(\.label) == ["usb.img · FAT12 'USBSTICK'"])
        var walked: [String] = []
        systems[0].walk { path, _ in walked.append(String(decoding: path, as: UTF8.self)); return true }
        #expect(walked.sorted() == ["Sauvegardes", "Sauvegardes/letter.txt"])
    }

    // MARK: - Damaged images

    private func scratch(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-image-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    private func copy(_ name: String, to target: URL, keeping bytes: Int? = nil, patch: (UInt64, [UInt8])? = nil) throws {
        var data = try Data(contentsOf: try ImageFixtures.url(name))
        if let bytes { data = data.prefix(bytes) }
        if let (offset, patchBytes) = patch { data.replaceSubrange(Int(offset)..<Int(offset) + patchBytes.count, with: patchBytes) }
        try data.write(to: target)
    }

    /// Whatever is damaged ends in an error or gaps with a reason, never a crash.
    @Test(arguments: ["pc.vhdx", "pc.vhd", "pc.vmdk", "pc.E01", "pc.raw"])
    func aTruncatedImageIsAnErrorOrAGap(name: String) throws {
        let target = try scratch(name)
        let whole = try Data(contentsOf: try ImageFixtures.url(name)).count
        try copy(name, to: target, keeping: whole / 3)
        do {
            let image = try DiskImage.open(target.path)
            let (systems, gaps) = try image.fileSystems()
            var problems = gaps.map(\.reason)
            for system in systems {
                var unread: [String] = []
                let walkGaps = system.walk { path, entry in
                    guard entry.kind == .file else { return true }
                    switch system.open(inode: entry.inode) {
                    case .success(let file): if !file.stream({ _ in true }) { unread.append("cannot read \(String(decoding: path, as: UTF8.self))") }
                    case .failure(let gap): unread.append(gap.reason)
                    }
                    return true
                }
                problems += walkGaps.map(\.reason) + unread
            }
            // A truncated raw disk still holds its first partition; the rest is a gap.
            #expect(!problems.isEmpty || systems.count < 2, "\(name): \(systems.map(\.label))")
            #expect(problems.allSatisfy { !$0.isEmpty && !$0.contains("\n") })
        } catch {
            #expect(!error.reason.isEmpty && !error.reason.contains("\n"))
        }
    }

    @Test func anUnknownPartitionTypeIsAGap() throws {
        // Partition 2's boot sector wiped: the table still says NTFS, no file system is there.
        let target = try scratch("wiped.raw")
        try copy("pc.raw", to: target, patch: (ImageFixtures.ntfsOffset, [UInt8](repeating: 0, count: 512)))
        let (systems, gaps) = try DiskImage.open(target.path).fileSystems()
        #expect(systems.map(\.type) == ["FAT12"])
        #expect(gaps.map(\.place) == ["wiped.raw · partition 2"])
        #expect(gaps.first?.reason.hasPrefix("no file system The Sleuth Kit can read in partition type") == true)
    }

    @Test func aBitLockerVolumeIsAGapSayingSo() throws {
        let target = try scratch("locked.raw")
        try copy("pc.raw", to: target, patch: (ImageFixtures.ntfsOffset + 3, Array("-FVE-FS-".utf8)))
        let (systems, gaps) = try DiskImage.open(target.path).fileSystems()
        #expect(systems.count == 1)
        #expect(gaps.count == 1)
        #expect(gaps.first?.reason.contains("BitLocker") == true)
    }

    @Test func aFileThatIsNoImageIsAnError() throws {
        let target = try scratch("notes.txt")
        try Data("just some text\n".utf8).write(to: target)
        #expect(throws: ImageError.self) { try DiskImage.open(target.path).fileSystems() }
        #expect(throws: ImageError.self) { try DiskImage.open(target.deletingLastPathComponent().path) }
        #expect(throws: ImageError.self) { try DiskImage.open(target.path + ".missing") }
    }
}

import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
import Testing
@testable import SunsetScan

/// Disk images as scan roots (issue 22, items 1, 2 and 6): the same Windows volume as a
/// folder and inside raw, split raw, E01, VHD, VHDX and VMDK images gives the same inventory.
@Suite struct ImageRootTests {
    private func scan(_ paths: [String]) throws -> Inventory {
        try Scanner(options: ScanOptions(roots: paths, signatures: try PackSet.builtIn().map(\.signatures))).scan()
    }

    /// The inventory as JSON with every root number set to 0 and the per-root parts (the
    /// roots themselves, coverage counts) left out, for comparing a folder with an image.
    private func comparable(_ inventory: Inventory, keepingRoot root: Int) throws -> NSDictionary {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var copy = inventory
        copy.roots = []
        copy.coverage = Coverage()
        copy.fileTypes = copy.fileTypes?.filter { $0.root == root }
        let object = try JSONSerialization.jsonObject(with: encoder.encode(copy))
        func normalised(_ value: Any) -> Any {
            if let dictionary = value as? [String: Any] {
                var result: [String: Any] = [:]
                for (key, item) in dictionary { result[key] = key == "root" && item is NSNumber ? 0 : normalised(item) }
                return result
            }
            if let array = value as? [Any] { return array.map(normalised) }
            return value
        }
        return normalised(object) as! NSDictionary
    }

    @Test(arguments: ImageFixtures.diskImages)
    func anImageGivesTheFoldersInventory(name: String) throws {
        let folder = try ImageFixtures.url("volume")
        let image = try ImageFixtures.url(name)
        let hash = try ImageFixtures.sha256(image)
        let expected = try scan([folder.path])
        let found = try scan([image.path])

        #expect(found.roots.map(\.label) == ["\(name) · partition 1, FAT12 'SYSTEM'", "\(name) · partition 2, NTFS 'Windows'"])
        #expect(found.roots.allSatisfy { $0.path == image.path })
        let windows = found.roots[1]
        #expect(windows.isWindowsVolume)
        #expect(!found.roots[0].isWindowsVolume)
        #expect(windows.host.name == expected.roots[0].host.name)
        #expect(windows.host.version == expected.roots[0].host.version)
        #expect(windows.host.build == expected.roots[0].host.build)

        // Sanity: the folder's inventory is the sample's (three companies, programs from the hive).
        #expect(expected.companies.map(\.name).sorted() == SampleVolume.companies.sorted())
        #expect((expected.installedPrograms ?? []).count > 0)
        #expect(try comparable(found, keepingRoot: 1) == (try comparable(expected, keepingRoot: 0)))
        #expect(found.companies.allSatisfy { $0.folder.root == 1 })
        #expect(found.coverage.files == expected.coverage.files + 1, "the FAT partition's one file")
        #expect(found.coverage.gaps.map(\.reason) == expected.coverage.gaps.map(\.reason))
        #expect(try ImageFixtures.sha256(image) == hash, "the image must not change")
    }

    @Test func aBareFileSystemImageIsOneRoot() throws {
        let found = try scan([try ImageFixtures.url("usb.img").path])
        #expect(found.roots.map(\.label) == ["usb.img · FAT12 'USBSTICK'"])
        #expect(found.coverage.files == 1)
        #expect(found.coverage.directories == 1)
    }

    @Test func aTruncatedImageBesideAGoodRootIsAGap() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-images-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let broken = scratch.appendingPathComponent("broken.vhdx")
        let whole = try Data(contentsOf: try ImageFixtures.url("pc.vhdx"))
        try whole.prefix(whole.count / 3).write(to: broken)
        let folder = try ImageFixtures.url("volume")
        let found = try scan([folder.path, broken.path])
        #expect(found.companies.count == SampleVolume.companies.count)
        #expect(found.companies.allSatisfy { $0.folder.root == 0 })
        let gaps = found.coverage.gaps.filter { $0.location.root > 0 }
        #expect(!gaps.isEmpty)
        #expect(gaps.allSatisfy { !$0.reason.isEmpty && !$0.reason.contains("\n") })
        #expect(found.roots.count >= 2)
        #expect(found.roots.dropFirst().allSatisfy { $0.path == broken.path && $0.label?.hasPrefix("broken.vhdx") == true })
    }

    @Test func aFileThatIsNoImageIsStillNotAFolder() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-notes-\(UUID().uuidString).txt")
        try Data("notes\n".utf8).write(to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(throws: ScanError.notAFolder(scratch.path)) { try scan([scratch.path]) }
    }
}

import Foundation
import Glibc
import SunsetFixtures
import Testing

/// A rescue changes nothing in the source tree: not the contents, sizes or modification
/// times, and not the access times either (read with O_NOATIME; tests run as root, for
/// whom it is always allowed). Every file and folder is first given old, explicit times,
/// with the access time before the modification time, so that any ordinary read would
/// move it on a `relatime` mount.
@Suite struct SourceUntouchedTests {
    static let oldAccess = timespec(tv_sec: 1_546_300_800, tv_nsec: 123_456_789)  // 2019-01-01
    static let oldChange = timespec(tv_sec: 1_577_836_800, tv_nsec: 987_654_321)  // 2020-01-01

    /// Size, times and kind of every entry below `root`, by path (lstat never changes them).
    static func statuses(_ root: String) throws -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for relative in try tree(root) + [""] {
            var info = stat()
            try #require(lstat(root + "/" + relative, &info) == 0)
            out[relative] = [Int(info.st_mode), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec),
                             Int(info.st_atim.tv_sec), Int(info.st_atim.tv_nsec), Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
        }
        return out
    }

    /// Every regular file's content, read with O_NOATIME.
    static func contents(_ root: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for relative in try tree(root) {
            var info = stat()
            guard lstat(root + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let fd = open(root + "/" + relative, O_RDONLY | 0o1000000)
            try #require(fd >= 0)
            defer { close(fd) }
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let got = read(fd, &buffer, buffer.count)
                if got <= 0 { break }
                data.append(contentsOf: buffer[0..<got])
            }
            out[relative] = data
        }
        return out
    }

    /// Every path below `root`, listed with folders opened O_NOATIME (a plain listing would
    /// move the folders' access times).
    static func tree(_ root: String) throws -> [String] {
        var found: [String] = []
        var pending = [""]
        while let folder = pending.popLast() {
            let fd = open(folder.isEmpty ? root : root + "/" + folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | 0o1000000)
            try #require(fd >= 0, "cannot open \(folder)")
            let stream = try #require(fdopendir(fd))
            defer { closedir(stream) }
            while let item = readdir(stream) {
                let name = withUnsafePointer(to: &item.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                if name == "." || name == ".." { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                found.append(path)
                if Int32(item.pointee.d_type) == Int32(DT_DIR) { pending.append(path) }
            }
        }
        return found.sorted()
    }

    static func ageEverything(_ root: String) throws {
        for relative in try FileManager.default.subpathsOfDirectory(atPath: root) + [""] {
            var times = [oldAccess, oldChange]
            try #require(utimensat(AT_FDCWD, root + "/" + relative, &times, AT_SYMLINK_NOFOLLOW) == 0)
        }
    }

    @Test func sizesTimesAccessTimesAndContentsOfTheSourceAreUnchanged() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        try FileManager.default.createSymbolicLink(atPath: volume.url("Compta/Invoice2go - Atelier Martin/link.mdb").path,
                                                   withDestinationPath: "atelier.mdb")
        try Self.ageEverything(volume.root.path)
        let out = try VolumeBuilder.temporary("usb")
        defer { out.remove() }

        // The test can tell: an ordinary read here does move an old access time.
        let probe = try out.file("probe", text: "probe")
        var times = [Self.oldAccess, Self.oldChange]
        try #require(utimensat(AT_FDCWD, probe.path, &times, 0) == 0)
        _ = try Data(contentsOf: probe)
        var probed = stat()
        stat(probe.path, &probed)
        try #require(probed.st_atim.tv_sec != Self.oldAccess.tv_sec, "this file system never updates access times")

        let statusBefore = try Self.statuses(volume.root.path)
        let contentBefore = try Self.contents(volume.root.path)
        #expect(try Self.statuses(volume.root.path) == statusBefore, "reading with O_NOATIME changed the tree")

        let result = try rescue([volume.root.path], to: out.url("copy").path, ["--include-program"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("21 file(s)"), "12 saved and 9 readable copies: \(result.stdout)")

        let statusAfter = try Self.statuses(volume.root.path)
        for (path, before) in statusBefore.sorted(by: { $0.key < $1.key }) {
            #expect(statusAfter[path] == before, "'\(path)' changed: \(before) → \(statusAfter[path] ?? [])")
        }
        #expect(statusAfter.count == statusBefore.count)
        #expect(try Self.contents(volume.root.path) == contentBefore)

        // The copies keep the source's modification times.
        var copied = stat()
        try #require(stat(out.url("copy/data/Compta/Invoice2go - Atelier Martin/atelier.mdb").path, &copied) == 0)
        #expect(copied.st_mtim.tv_sec == Self.oldChange.tv_sec && copied.st_mtim.tv_nsec == Self.oldChange.tv_nsec)
        #expect(!FileManager.default.fileExists(atPath: out.url("copy/data/Compta/Invoice2go - Atelier Martin/link.mdb").path))
    }
}

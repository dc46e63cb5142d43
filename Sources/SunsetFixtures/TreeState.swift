import Foundation
import Glibc

/// A record of every entry under a folder — path, type, size, modification, access and
/// status-change time, and the contents — to prove that a command changed nothing.
public enum TreeState {
    /// One entry's state.
    public struct Entry: Hashable, Sendable {
        public var path: String
        public var mode: UInt32
        public var size: Int64
        public var modified: Int
        public var accessed: Int
        public var changed: Int
        public var contents: Data?
    }

    /// Every entry under `root` (symbolic links are recorded, never followed).
    public static func record(_ root: URL) throws -> [Entry] {
        var entries: [Entry] = []
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let relative = walker?.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isFile = info.st_mode & S_IFMT == S_IFREG
            entries.append(Entry(path: relative, mode: info.st_mode, size: Int64(info.st_size),
                                 modified: info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec,
                                 accessed: info.st_atim.tv_sec * 1_000_000_000 + info.st_atim.tv_nsec,
                                 changed: info.st_ctim.tv_sec * 1_000_000_000 + info.st_ctim.tv_nsec,
                                 contents: isFile ? try readWithoutTouching(path) : nil))
        }
        return entries.sorted { $0.path < $1.path }
    }

    /// Sets every file's access time to `date` (keeping modification times), so that a later
    /// read that updates access times shows up even under `relatime`.
    public static func setAccessTimes(_ root: URL, to date: Date) throws {
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let relative = walker?.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { continue }
            var times = [timespec(tv_sec: Int(date.timeIntervalSince1970), tv_nsec: 0), info.st_mtim]
            _ = utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW)
        }
    }

    /// A file's bytes, read with O_NOATIME so that recording does not disturb what it records.
    private static func readWithoutTouching(_ path: String) throws -> Data {
        let fd = open(path, O_RDONLY | 0o1000000)
        guard fd >= 0 else { throw CocoaError(.fileReadNoPermission) }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = read(fd, &buffer, buffer.count)
            if got <= 0 { break }
            data.append(contentsOf: buffer[0..<got])
        }
        return data
    }
}

import Glibc
import SunsetCore

/// Lists every entry below a root with `readdir` and `d_type`, as `find` does: no stat per
/// file, no recursion (an explicit stack, so any depth works), symbolic links recorded but
/// never followed, special files counted but never opened. What cannot be read becomes a
/// coverage gap.
public struct Walker {
    public var excludes: [Glob]
    /// Top-level names skipped when the root is `/` (virtual file systems).
    static let virtualTops: Set<[UInt8]> = [Array("proc".utf8), Array("sys".utf8), Array("dev".utf8), Array("run".utf8)]

    public init(excludes: [Glob] = []) {
        self.excludes = excludes
    }

    /// What one walk produced.
    public struct Result: Sendable {
        public var entries: [WalkEntry]
        public var coverage: Coverage
    }

    /// Walks `root` (whose index in the scan is `rootIndex`).
    public func walk(root: String, rootIndex: Int) throws(ScanError) -> Result {
        let opener = try PathOpener(root: root)
        defer { opener.close() }
        let isSystemRoot = root == "/"
        var entries: [WalkEntry] = []
        var coverage = Coverage()
        var pending: [[UInt8]] = [[]]
        while let folder = pending.popLast() {
            coverage.directories += 1
            let fd = opener.open(folder, flags: O_DIRECTORY)
            guard fd >= 0, let stream = fdopendir(fd) else {
                if fd >= 0 { _ = close(fd) }
                let reason = fd < 0 ? String(cString: strerror(-fd)) : "cannot list folder"
                coverage.gaps.append(.init(location: Location(root: rootIndex, path: VolumePath(bytes: folder)),
                                           reason: reason))
                continue
            }
            defer { closedir(stream) }
            while let item = readdir(stream) {
                let name = Self.name(of: item)
                if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
                if isSystemRoot && folder.isEmpty && Self.virtualTops.contains(name) { continue }
                let path = folder.isEmpty ? name : folder + [UInt8(ascii: "/")] + name
                if excludes.contains(where: { $0.matches(path) }) { continue }
                switch kind(of: item.pointee.d_type, fd: fd, name: name) {
                case .directory:
                    entries.append(WalkEntry(path: path, kind: .directory))
                    pending.append(path)
                case .file:
                    coverage.files += 1
                    entries.append(WalkEntry(path: path, kind: .file))
                case .symlink:
                    coverage.symlinks += 1
                    entries.append(WalkEntry(path: path, kind: .symlink))
                case .special:
                    coverage.specialFiles += 1
                case nil:
                    coverage.gaps.append(.init(location: Location(root: rootIndex, path: VolumePath(bytes: path)),
                                               reason: "vanished during the scan"))
                }
            }
        }
        coverage.directories -= 1  // the root itself is not counted
        return Result(entries: entries, coverage: coverage)
    }

    private static func name(of item: UnsafeMutablePointer<dirent>) -> [UInt8] {
        withUnsafePointer(to: &item.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes in
                Array(UnsafeBufferPointer(start: bytes, count: strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))))
            }
        }
    }

    /// The entry's type from `d_type`, falling back to `fstatat` (without following links)
    /// on file systems that do not fill it in. Nil when the entry is gone.
    private func kind(of type: UInt8, fd: Int32, name: [UInt8]) -> WalkEntry.Kind? {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return .symlink
        case Int32(DT_UNKNOWN): break
        default: return .special
        }
        var info = stat()
        let found = (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) == 0
            }
        }
        guard found else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .special
        }
    }
}

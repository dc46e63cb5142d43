import Glibc

/// Opens paths below a root folder without ever following a symbolic link and without the
/// `PATH_MAX` limit: a long relative path is opened a few folders at a time with `openat`.
struct PathOpener: Sendable {
    /// The root's own descriptor.
    let rootFD: Int32
    /// Where every open of a file (not a folder) is recorded, when a state file is kept.
    var log: OpenLog?

    /// Opens the root folder itself, read-only, without changing its access time where allowed
    /// (listing it through this descriptor would otherwise move the root's access time).
    init(root: String) throws(ScanError) {
        var fd = Glibc.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC | Self.noAccessTime)
        if fd < 0 && errno == EPERM { fd = Glibc.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { throw ScanError.unreadableRoot(root, reason: String(cString: strerror(errno))) }
        rootFD = fd
    }

    func close() { _ = Glibc.close(rootFD) }

    /// Flags every open uses: read-only, no symlink following, no atime update where allowed,
    /// and no blocking on a FIFO that slipped through.
    static let baseFlags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK

    /// `O_NOATIME`: reading does not update the access time (Linux; needs ownership or
    /// CAP_FOWNER, else the open is retried without it). Glibc's module does not export it.
    #if os(Linux)
    static let noAccessTime: Int32 = 0o1000000
    #else
    static let noAccessTime: Int32 = 0
    #endif

    private static let chunkLimit = 2048

    /// Opens `path` (relative to the root) with extra `flags`; returns the descriptor or -errno.
    func open(_ path: [UInt8], flags: Int32) -> Int32 {
        let fd = openPath(path, flags: flags)
        if let log, flags & O_DIRECTORY == 0 { log.record(path, fd: fd, root: rootFD) }
        return fd
    }

    private func openPath(_ path: [UInt8], flags: Int32) -> Int32 {
        if path.isEmpty { return dup(rootFD) }
        var directory = rootFD
        var start = 0
        // Walk through leading chunks as folders while the rest is still too long.
        while path.count - start > Self.chunkLimit {
            var end = start + Self.chunkLimit
            while end > start, path[end] != UInt8(ascii: "/") { end -= 1 }
            if end == start { return -ENAMETOOLONG }
            let fd = openAt(directory, path[start..<end], flags: O_DIRECTORY)
            if directory != rootFD { _ = Glibc.close(directory) }
            guard fd >= 0 else { return fd }
            directory = fd
            start = end + 1
        }
        let fd = openAt(directory, path[start...], flags: flags)
        if directory != rootFD { _ = Glibc.close(directory) }
        return fd
    }

    /// Opens one name inside an open folder; returns the descriptor or -errno.
    func openChild(of directory: Int32, name: [UInt8], flags: Int32) -> Int32 {
        openAt(directory, name[...], flags: flags)
    }

    private func openAt(_ directory: Int32, _ relative: ArraySlice<UInt8>, flags: Int32) -> Int32 {
        let cPath = Array(relative) + [0]
        return cPath.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { name in
                var fd = openat(directory, name, Self.baseFlags | flags | Self.noAccessTime)
                if fd < 0 && errno == EPERM {  // O_NOATIME needs ownership; fall back
                    fd = openat(directory, name, Self.baseFlags | flags)
                }
                return fd >= 0 ? fd : -errno
            }
        }
    }
}

extension PathOpener {
    /// `fstatat` of `name` (an empty name: the folder itself) in the open folder `directory`,
    /// without following a link; nil with `errno` set when it fails.
    static func status<C: Collection<UInt8>>(of name: C, in directory: Int32) -> stat? {
        var info = stat()
        if name.isEmpty { return fstat(directory, &info) == 0 ? info : nil }
        let found = (Array(name) + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                fstatat(directory, $0, &info, AT_SYMLINK_NOFOLLOW) == 0
            }
        }
        return found ? info : nil
    }
}

extension WalkEntry.Kind {
    /// An entry's kind from its `d_type`, asking `fstatat` (without following links) on file
    /// systems that leave it unknown. Nil when the entry is gone.
    static func of<C: Collection<UInt8>>(type: UInt8, name: C, in directory: Int32) -> WalkEntry.Kind? {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return .symlink
        case Int32(DT_UNKNOWN): break
        default: return .special
        }
        guard let info = PathOpener.status(of: name, in: directory) else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .special
        }
    }
}

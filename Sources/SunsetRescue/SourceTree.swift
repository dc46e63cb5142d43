import Foundation
import Glibc
import SunsetCore
import SunsetImage

/// Read-only access to the files below one root, by byte-exact relative path. Every folder on
/// the way is opened with `O_NOFOLLOW`, so no symbolic link is ever followed; every open asks
/// for `O_NOATIME` (no access-time change) and falls back without it where the system refuses
/// it (`EPERM`: the caller neither owns the file nor is root). Nothing here writes or locks.
/// A root inside a disk image is read through The Sleuth Kit instead, which cannot write.
struct SourceTree {
    /// The root's own descriptor (-1 for a root inside a disk image).
    let rootFD: Int32
    let path: String
    /// The file system, for a root inside a disk image.
    let image: ImageTree?

    /// `O_NOATIME`; Glibc's Swift module does not export it. Linux value.
    #if os(Linux)
    static let noAccessTime: Int32 = 0o1000000
    #else
    static let noAccessTime: Int32 = 0
    #endif

    /// The kinds of entry a listing tells apart.
    enum Kind { case file, folder, symlink, special }

    init(path: String) throws(RescueError) {
        let fd = Self.openAt(AT_FDCWD, Array(path.utf8), flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path, reason: String(cString: strerror(-fd))) }
        rootFD = fd
        self.path = path
        image = nil
    }

    /// The tree of a scan root: its folder, or its file system inside a disk image.
    init(root: ScanRoot) throws(RescueError) {
        guard let volume = root.imageVolume else {
            try self.init(path: root.path)
            return
        }
        self.init(rootFD: -1, path: root.path, image: try ImageTree.open(image: root.path, volume: volume))
    }

    private init(rootFD: Int32, path: String, image: ImageTree?) {
        self.rootFD = rootFD
        self.path = path
        self.image = image
    }

    func close() { if image == nil { _ = Glibc.close(rootFD) } }

    /// Opens a file for copying (never a symbolic link, never blocking on a FIFO).
    func reader(_ file: VolumePath) -> Result<SourceReader, Errno> {
        guard let image else {
            let fd = openFile(file)
            return fd >= 0 ? .success(.folder(fd)) : .failure(Errno(-fd))
        }
        guard let entry = image.entry(at: file) else { return .failure(Errno(ENOENT)) }
        guard entry.kind == .file else { return .failure(Errno(entry.kind == .directory ? EISDIR : EINVAL)) }
        switch image.system.open(inode: entry.inode) {
        case let .success(opened): return .success(.image(opened))
        case .failure: return .failure(Errno(EIO))
        }
    }

    /// A `stat` for an entry of a disk image: its kind, size and modification time (which
    /// stands for the access time too).
    static func status(kind: Kind, size: UInt64, modified: Date) -> stat {
        var info = stat()
        switch kind {
        case .file: info.st_mode = S_IFREG | 0o444
        case .folder: info.st_mode = S_IFDIR | 0o555
        case .symlink: info.st_mode = S_IFLNK | 0o444
        case .special: info.st_mode = S_IFIFO | 0o444
        }
        info.st_size = off_t(size)
        let seconds = modified.timeIntervalSince1970.rounded(.down)
        let time = timespec(tv_sec: Int(seconds), tv_nsec: Int((modified.timeIntervalSince1970 - seconds) * 1e9))
        info.st_mtim = time
        info.st_atim = time
        return info
    }

    static func kind(_ kind: ImageFileSystem.Entry.Kind) -> Kind {
        switch kind {
        case .file: return .file
        case .directory: return .folder
        case .symlink: return .symlink
        case .special: return .special
        }
    }

    /// Opens with `flags` plus `O_NOATIME` when allowed; the descriptor or -errno.
    static func openAt(_ directory: Int32, _ name: [UInt8], flags: Int32) -> Int32 {
        (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cName in
                var fd = openat(directory, cName, flags | noAccessTime)
                if fd < 0 && errno == EPERM { fd = openat(directory, cName, flags) }
                return fd >= 0 ? fd : -errno
            }
        }
    }

    /// Opens a folder, one component at a time, none of them a symbolic link. Always a new
    /// open file (not a `dup`, whose listing position the root's descriptor would share).
    func openFolder(_ folder: VolumePath) -> Int32 {
        var fd = Self.openAt(rootFD, [UInt8(ascii: ".")], flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return fd }
        for component in folder.components {
            let next = Self.openAt(fd, Array(component), flags: O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            _ = Glibc.close(fd)
            guard next >= 0 else { return next }
            fd = next
        }
        return fd
    }

    /// Opens a file for reading (never a symbolic link, never blocking on a FIFO).
    func openFile(_ file: VolumePath) -> Int32 {
        guard let name = file.components.last else { return -EISDIR }
        let folder = openFolder(file.parent)
        guard folder >= 0 else { return folder }
        defer { _ = Glibc.close(folder) }
        return Self.openAt(folder, Array(name), flags: O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    }

    /// The status of an entry without following a link (no access-time change), or -errno.
    func status(_ entry: VolumePath) -> Result<stat, Errno> {
        if let image {
            guard !entry.bytes.isEmpty else { return .success(Self.status(kind: .folder, size: 0, modified: Date(timeIntervalSince1970: 0))) }
            guard let found = image.entry(at: entry) else { return .failure(Errno(ENOENT)) }
            return .success(Self.status(kind: Self.kind(found.kind), size: found.size, modified: found.modified))
        }
        guard let name = entry.components.last else {
            var info = stat()
            return fstat(rootFD, &info) == 0 ? .success(info) : .failure(Errno(errno))
        }
        let folder = openFolder(entry.parent)
        guard folder >= 0 else { return .failure(Errno(-folder)) }
        defer { _ = Glibc.close(folder) }
        var info = stat()
        let found = (Array(name) + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                fstatat(folder, $0, &info, AT_SYMLINK_NOFOLLOW) == 0
            }
        }
        return found ? .success(info) : .failure(Errno(errno))
    }

    /// The entries of a folder, sorted by name bytes, or -errno.
    func list(_ folder: VolumePath) -> Result<[(name: [UInt8], kind: Kind)], Errno> {
        if let image {
            return image.entries(of: folder).map { entries in
                entries.map { (name: $0.name, kind: Self.kind($0.kind)) }.sorted { $0.name.lexicographicallyPrecedes($1.name) }
            }
        }
        let fd = openFolder(folder)
        guard fd >= 0 else { return .failure(Errno(-fd)) }
        guard let stream = fdopendir(fd) else {
            let error = errno
            _ = Glibc.close(fd)
            return .failure(Errno(error))
        }
        defer { closedir(stream) }
        var entries: [(name: [UInt8], kind: Kind)] = []
        while let item = readdir(stream) {
            let bytes = Self.name(of: item)
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            var info = stat()
            let found = (bytes + [0]).withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) == 0
                }
            }
            guard found else { continue }  // vanished since the listing
            let kind: Kind
            switch info.st_mode & S_IFMT {
            case S_IFREG: kind = .file
            case S_IFDIR: kind = .folder
            case S_IFLNK: kind = .symlink
            default: kind = .special
            }
            entries.append((bytes, kind))
        }
        return .success(entries.sorted { $0.name.lexicographicallyPrecedes($1.name) })
    }

    private static func name(of item: UnsafeMutablePointer<dirent>) -> [UInt8] {
        withUnsafePointer(to: &item.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes in
                Array(UnsafeBufferPointer(start: bytes, count: strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))))
            }
        }
    }
}

/// A C error number, with its message.
struct Errno: Error, CustomStringConvertible {
    var code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { String(cString: strerror(code)) }
}

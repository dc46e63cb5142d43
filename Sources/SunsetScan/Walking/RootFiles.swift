import Foundation
import Glibc

/// Where a scan root's files are read from once its walk has found them: the one narrow
/// interface between the scanner's steps (identification, hives, PE versions, archive
/// checks, offline copies) and the storage. Two implementations: `PathOpener`, a folder
/// through `openat` (today's code, unchanged), and `ImageRootFiles`, a file system inside a
/// disk image through libtsk. Every read is bounded and read-only; nothing is extracted.
///
/// Paths are bytes relative to the root, `/`-separated, as the walk gives them.
protocol RootFiles: Sendable {
    /// Opens a regular file, runs `body` with its size and a reader of exactly `count` bytes
    /// at an offset (nil past the end or on a read error). Nil when it is no regular file.
    func withFile<T>(_ path: [UInt8], _ body: (_ size: UInt64, _ read: (UInt64, Int) -> [UInt8]?) -> T) -> T?
    /// The whole file in memory (a folder maps it; an image reads it), or why not.
    func mapped(_ path: [UInt8]) -> Result<Data, PathOpener.MapFailure>
    /// A regular file's size and modification time, nil when it is none or cannot be read.
    func fileStatus(_ path: [UInt8]) -> (size: UInt64, modified: Date)?
    /// Size, modification time and the identified head of a file (`FileProbe.read`).
    func probe(_ path: [UInt8], cookie: MagicCookie) -> FileProbe
    /// The files, symbolic links and special files directly in `folder` (not its folders),
    /// less those `excludes` leaves out.
    func files(in folder: [UInt8], excludes: [Glob]) -> [WalkEntry]
    /// The record of every file opened, when a state file is kept (folders only).
    var log: OpenLog? { get }
    func close()
}

extension PathOpener: RootFiles {
    func fileStatus(_ path: [UInt8]) -> (size: UInt64, modified: Date)? {
        let fd = open(path, flags: 0)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return (UInt64(info.st_size), Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec)
                                             + TimeInterval(info.st_mtim.tv_nsec) / 1e9))
    }

    func probe(_ path: [UInt8], cookie: MagicCookie) -> FileProbe {
        let fd = open(path, flags: 0)
        guard fd >= 0 else { return FileProbe.failure(String(cString: strerror(-fd))) }
        defer { Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return FileProbe.failure(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return FileProbe.failure("not a regular file") }
        let size = UInt64(info.st_size)
        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec)
            + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
        var head = [UInt8](repeating: 0, count: Int(min(UInt64(FileProbe.headLimit), size)))
        var filled = 0
        while filled < head.count {
            let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(filled)) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        head.removeSubrange(filled...)
        let (description, mime) = cookie.identify(head)
        return FileProbe(size: size, modified: modified, description: description, mime: mime, head: head)
    }

    func files(in folder: [UInt8], excludes: [Glob]) -> [WalkEntry] {
        let fd = open(folder, flags: O_DIRECTORY)
        guard fd >= 0 else { return [] }
        guard let stream = fdopendir(fd) else { _ = Glibc.close(fd); return [] }
        defer { closedir(stream) }
        var found: [WalkEntry] = []
        while let item = readdir(stream) {
            let name = withUnsafePointer(to: &item.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { start in
                    Array(UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
                }
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            let path = folder.isEmpty ? name : folder + [UInt8(ascii: "/")] + name
            if excludes.contains(where: { $0.matches(path) }) { continue }
            guard let kind = WalkEntry.Kind.of(type: item.pointee.d_type, name: name, in: fd), kind != .directory else { continue }
            found.append(WalkEntry(path: path, kind: kind))
        }
        return found
    }
}

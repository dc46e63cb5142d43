import Foundation
import Glibc
import SunsetCore

/// What one read-only look at a candidate file gave: size, time, and what its first bytes are.
public struct FileProbe: Sendable {
    public var size: UInt64
    public var modified: Date
    public var description: String
    public var mime: String
    /// The first bytes (at most `FileProbe.headLimit`), for header sniffing.
    public var head: [UInt8]
    /// Why the file could not be read, when it could not.
    public var problem: String?

    /// The most bytes read from any file for identification.
    public static let headLimit = 65_536

    /// Opens `path` below the root read-only (no atime change where allowed, no symlink,
    /// no blocking), refuses anything but a regular file, and reads its head.
    static func read(_ path: [UInt8], opener: PathOpener, cookie: MagicCookie) -> FileProbe {
        let fd = opener.open(path, flags: 0)
        guard fd >= 0 else { return failure(String(cString: strerror(-fd))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return failure(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return failure("not a regular file") }
        let size = UInt64(info.st_size)
        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec)
            + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
        var head = [UInt8](repeating: 0, count: Int(min(UInt64(headLimit), size)))
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

    /// The legacy database format the head shows, for a file of this name (see `DatabaseFormat.sniff`).
    public func database(fileName: String) -> DatabaseFormat? {
        head.isEmpty ? nil : DatabaseFormat.sniff(bytes: head, fileName: fileName)
    }

    static func failure(_ reason: String) -> FileProbe {
        FileProbe(size: 0, modified: Date(timeIntervalSince1970: 0), description: "", mime: "", head: [], problem: reason)
    }
}

import Foundation
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

    /// Reads `path` below the root read-only (a folder: no atime change where allowed, no
    /// symlink, no blocking; an image: through libtsk), refusing anything but a regular file.
    static func read(_ path: [UInt8], opener: any RootFiles, cookie: MagicCookie) -> FileProbe {
        opener.probe(path, cookie: cookie)
    }

    /// The legacy database format the head shows, for a file of this name (see `DatabaseFormat.sniff`).
    public func database(fileName: String) -> DatabaseFormat? {
        head.isEmpty ? nil : DatabaseFormat.sniff(bytes: head, fileName: fileName)
    }

    static func failure(_ reason: String) -> FileProbe {
        FileProbe(size: 0, modified: Date(timeIntervalSince1970: 0), description: "", mime: "", head: [], problem: reason)
    }
}

import Foundation
import Glibc

/// What a file was when the scan read it (or tried to): enough to tell, later, without
/// opening it, whether what the scan learnt from it still holds.
struct FileStamp: Hashable, Sendable {
    /// False when there was nothing at the path (then the other fields are zero).
    var exists: Bool
    var device: UInt64 = 0
    var inode: UInt64 = 0
    var size: Int64 = 0
    /// Nanoseconds since 1970.
    var modified: Int64 = 0
    var changed: Int64 = 0

    static let missing = FileStamp(exists: false)

    init(exists: Bool, device: UInt64 = 0, inode: UInt64 = 0, size: Int64 = 0, modified: Int64 = 0, changed: Int64 = 0) {
        self.exists = exists
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ info: stat) {
        let folder = FolderStamp(info)
        self.init(exists: true, device: folder.device, inode: folder.inode, size: Int64(info.st_size),
                  modified: folder.modified, changed: folder.changed)
    }

    /// The stamp of `path` below the folder `directory`, without following a link and
    /// without opening it; nil when it cannot be told (a folder above it cannot be searched).
    static func of(_ path: [UInt8], in directory: Int32) -> FileStamp? {
        if let info = PathOpener.status(of: path, in: directory) { return FileStamp(info) }
        return errno == ENOENT || errno == ENOTDIR ? .missing : nil
    }
}

/// Every file a scan opened (or tried to), with its stamp: filled by `PathOpener` from any
/// thread when a state file is kept, so that the next run can tell whether any file the
/// inventory was read from has changed.
final class OpenLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stamps: [PathKey: FileStamp?] = [:]

    /// Records an open of `path`: `fd` when it succeeded (its stamp then comes from the open
    /// file itself), else the path's stamp seen from the root.
    func record(_ path: [UInt8], fd: Int32, root: Int32) {
        var stamp: FileStamp?
        var info = stat()
        if fd >= 0, fstat(fd, &info) == 0 { stamp = FileStamp(info) } else { stamp = FileStamp.of(path, in: root) }
        lock.withLock { stamps[PathKey(path)] = stamp }
    }

    /// The files and their stamps (nil: could not be told), sorted by path.
    var files: [(path: [UInt8], stamp: FileStamp?)] {
        lock.withLock { stamps.map { ($0.key.bytes, $0.value) } }.sorted { $0.path.lexicographicallyPrecedes($1.path) }
    }
}

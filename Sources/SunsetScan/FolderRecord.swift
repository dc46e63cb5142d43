import Glibc

/// What identifies a folder and tells whether its list of names changed: adding, removing
/// or renaming an entry in a folder moves its modification and change times, and a folder
/// replaced by another has another inode. The change time cannot be set back by a program.
struct FolderStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    /// Nanoseconds since 1970.
    var modified: Int64
    var changed: Int64

    init(device: UInt64, inode: UInt64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.modified = modified
        self.changed = changed
    }

    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }
}

/// One folder as a walk listed it: enough to replay the listing without reading the folder
/// again, as long as its stamp is unchanged. It holds what the walk keeps of a listing (the
/// subfolders, the kept names, the counts), not every name.
struct FolderRecord: Sendable {
    /// A kept entry of the folder: a file the keep rule let through, or a symbolic link.
    struct Kept: Hashable, Sendable {
        var name: [UInt8]
        var kind: WalkEntry.Kind
    }

    /// The folder below the root.
    var path: [UInt8]
    var stamp: FolderStamp
    /// False when the folder changed too shortly before it was listed for its times to
    /// vouch for the listing (a change within the same clock tick would leave them as they
    /// were), or when the listing met an entry that vanished: then the next walk lists it again.
    var reusable: Bool
    var subfolders: [[UInt8]] = []
    var kept: [Kept] = []
    var files = 0
    var symlinks = 0
    var specials = 0
    /// Files per extension (`ExtensionTally` keys) directly in the folder.
    var extensions: [UInt64: Int] = [:]

    /// How long before a walk a folder must have last changed for its listing to be reused.
    static let settleNanoseconds: Int64 = 2_000_000_000
}

/// The listings of an earlier walk of the same root, by folder path.
final class FolderRecords: Sendable {
    private let byPath: [PathKey: FolderRecord]

    init(_ records: [FolderRecord]) {
        var byPath: [PathKey: FolderRecord] = [:]
        byPath.reserveCapacity(records.count)
        for record in records { byPath[PathKey(record.path)] = record }
        self.byPath = byPath
    }

    var count: Int { byPath.count }

    subscript(path: [UInt8]) -> FolderRecord? { byPath[PathKey(path)] }
}

/// A path as a dictionary key, hashed as one run of bytes (an array of bytes hashes byte
/// by byte, which is several times slower on the walk's look-ups).
struct PathKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

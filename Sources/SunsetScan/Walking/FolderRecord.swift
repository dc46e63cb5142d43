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
/// subfolders, the kept names, the counts), not every name; the names are one encoded run
/// of bytes (`Listing`), so a record costs two allocations however many names it holds.
struct FolderRecord: Sendable {
    /// The folder below the root.
    var path: [UInt8]
    var stamp: FolderStamp
    /// False when the folder changed too shortly before it was listed for its times to
    /// vouch for the listing (a change within the same clock tick would leave them as they
    /// were), or when the listing met an entry that vanished: then the next walk lists it again.
    var reusable: Bool
    /// False for a folder that could not be listed (its stamp tells when that may change).
    var listed = true
    var files = 0
    var symlinks = 0
    var specials = 0
    /// The subfolders, the kept files and links, and the files per extension.
    var listing = Listing()

    /// How long before a walk a folder must have last changed for its listing to be reused.
    static let settleNanoseconds: Int64 = 2_000_000_000
}

/// A folder's kept names and extension counts, as tagged items appended while the folder is
/// listed: a tag byte, then a name (a LEB128 length and its bytes) or, for an extension, its
/// key as 8 little-endian bytes and a LEB128 count. Read back by `forEach` once `validate`
/// has checked every tag, length and name.
struct Listing: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []

    enum Tag: UInt8 { case subfolder = 1, file = 2, symlink = 3, fileExtension = 4 }

    struct Damaged: Error, CustomStringConvertible {
        var description: String { "a folder listing does not decode" }
    }

    init() {}

    /// Bytes read from a state file, checked.
    init(validating bytes: [UInt8]) throws(Damaged) {
        self.bytes = bytes
        try bytes.withUnsafeBufferPointer { (buffer) throws(Damaged) in try Self.validate(buffer) }
    }

    /// Checks encoded bytes without keeping them.
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) throws(Damaged) {
        try read(bytes) { _, _ in } extensions: { _, _ in }
    }

    mutating func append(_ tag: Tag, name: UnsafeBufferPointer<UInt8>) {
        bytes.append(tag.rawValue)
        Self.append(UInt64(name.count), to: &bytes)
        bytes.append(contentsOf: name)
    }

    mutating func append(_ tag: Tag, name: [UInt8]) { name.withUnsafeBufferPointer { append(tag, name: $0) } }

    mutating func append(extension key: UInt64, files: Int) {
        bytes.append(Tag.fileExtension.rawValue)
        withUnsafeBytes(of: key.littleEndian) { bytes += $0 }
        Self.append(UInt64(files), to: &bytes)
    }

    /// Calls `names` with each name and its tag in order, and `extensions` with each count.
    func forEach(_ names: (Tag, UnsafeBufferPointer<UInt8>) -> Void,
                 extensions: (UInt64, Int) -> Void) throws(Damaged) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Damaged) in try Self.read(buffer, names, extensions: extensions) }
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, _ names: (Tag, UnsafeBufferPointer<UInt8>) -> Void,
                             extensions: (UInt64, Int) -> Void) throws(Damaged) {
        do {
            var cursor = 0
            func number() throws(Damaged) -> Int {
                var value: UInt64 = 0
                var shift: UInt64 = 0
                while true {
                    guard cursor < buffer.count, shift < 56 else { throw Damaged() }
                    let byte = buffer[cursor]
                    cursor += 1
                    value |= UInt64(byte & 0x7F) << shift
                    if byte & 0x80 == 0 { return Int(value) }
                    shift += 7
                }
            }
            while cursor < buffer.count {
                guard let tag = Tag(rawValue: buffer[cursor]) else { throw Damaged() }
                cursor += 1
                if tag == .fileExtension {
                    guard cursor + 8 <= buffer.count else { throw Damaged() }
                    var key: UInt64 = 0
                    for index in 0..<8 { key |= UInt64(buffer[cursor + index]) << (8 * UInt64(index)) }
                    cursor += 8
                    extensions(key, try number())
                    continue
                }
                let length = try number()
                guard length > 0, length <= 255, cursor + length <= buffer.count else { throw Damaged() }
                let name = UnsafeBufferPointer(rebasing: buffer[cursor..<(cursor + length)])
                cursor += length
                guard Self.isName(name) else { throw Damaged() }
                names(tag, name)
            }
        }
    }

    /// A name a folder can hold: no slash, no NUL, not `.` or `..`.
    static func isName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !name.isEmpty else { return false }
        if name[0] == UInt8(ascii: ".") && (name.count == 1 || (name.count == 2 && name[1] == UInt8(ascii: "."))) { return false }
        return !name.contains { $0 == 0 || $0 == UInt8(ascii: "/") }
    }

    /// A path below a root: names joined by single slashes.
    static func isPath(_ path: [UInt8]) -> Bool {
        path.withUnsafeBufferPointer { buffer in
            var start = 0
            for end in 0...buffer.count where end == buffer.count || buffer[end] == UInt8(ascii: "/") {
                if !isName(UnsafeBufferPointer(rebasing: buffer[start..<end])) { return false }
                start = end + 1
            }
            return true
        }
    }

    private static func append(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 { out.append(UInt8(value & 0x7F) | 0x80); value >>= 7 }
        out.append(UInt8(value))
    }
}

/// The listings of an earlier walk of the same root, by folder path.
final class FolderRecords: Sendable {
    /// Nil when made for the quick check only, which needs no look-up by path.
    private let byPath: [PathKey: FolderRecord]?
    /// Every record, in no particular order.
    let all: [FolderRecord]

    init(_ records: [FolderRecord], indexed: Bool = true) {
        all = records
        guard indexed else { byPath = nil; return }
        var byPath: [PathKey: FolderRecord] = [:]
        byPath.reserveCapacity(records.count)
        for record in records { byPath[PathKey(record.path)] = record }
        self.byPath = byPath
    }

    var count: Int { all.count }

    /// The record of a folder (always nil without the index: the folder is then listed).
    subscript(path: [UInt8]) -> FolderRecord? { byPath?[PathKey(path)] }
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

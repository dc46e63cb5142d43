import SunsetCore

/// Files per extension and folder, counted by the walk as it lists each folder (no second
/// pass over the tree). Extensions are the lower-cased ASCII letters and digits after a
/// name's last dot, at most `maxLength` of them; other names are not counted.
struct ExtensionTally: Sendable {
    /// How long an extension may be (longer endings are not file types).
    static let maxLength = 8

    /// Files by extension (packed, see `fileExtension`), then by folder path.
    private(set) var counts: [UInt64: [PathKey: Int]] = [:]

    /// The extension of a file name, read in place in the listing's buffer, lower-cased and
    /// packed into one number (one byte per character, so nothing is allocated per file);
    /// nil when the name has none that counts.
    static func fileExtension(_ name: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var index = name.count - 1
        let stop = max(0, name.count - maxLength - 1)
        while index > stop, name[index] != UInt8(ascii: ".") { index -= 1 }
        guard index > 0, name[index] == UInt8(ascii: "."), index < name.count - 1 else { return nil }
        var packed: UInt64 = 0
        for byte in name[(index + 1)...] {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): packed = packed << 8 | UInt64(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): packed = packed << 8 | UInt64(byte)
            default: return nil
            }
        }
        return packed
    }

    /// An extension (lower case, without its dot) packed as `fileExtension` packs it.
    static func packed(_ name: String) -> UInt64? {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= maxLength else { return nil }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Adds one folder's counts (extension → files directly in it).
    mutating func add(folder: [UInt8], _ local: [UInt64: Int]) {
        let key = PathKey(folder)
        for (ext, files) in local { counts[ext, default: [:]][key, default: 0] += files }
    }

    /// Adds one extension's count in one folder.
    mutating func add(folder: [UInt8], extension ext: UInt64, files: Int) {
        counts[ext, default: [:]][PathKey(folder), default: 0] += files
    }

    /// Adds another worker's counts.
    mutating func merge(_ other: ExtensionTally) {
        for (ext, folders) in other.counts {
            counts[ext, default: [:]].merge(folders, uniquingKeysWith: +)
        }
    }

    /// Every folder holding files of one extension (lower case, with its dot).
    func folders(of name: String) -> [[UInt8]] {
        guard name.hasPrefix("."), let key = Self.packed(String(name.dropFirst())), let folders = counts[key] else { return [] }
        return folders.keys.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The counts of the given extensions (lower case, with their dot), with their top folders.
    func summary(of extensions: Set<String>, root: Int) -> [FileTypeCount] {
        extensions.sorted().compactMap { name in
            guard name.hasPrefix("."), let key = Self.packed(String(name.dropFirst())), let folders = counts[key] else { return nil }
            let top = folders.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }
                .prefix(FileTypeCount.topFolders)
                .map { FileTypeCount.Folder(location: Location(root: root, path: VolumePath(bytes: $0.key.bytes)), files: $0.value) }
            return FileTypeCount(fileExtension: name, root: root, files: folders.values.reduce(0, +), folders: Array(top))
        }
    }
}

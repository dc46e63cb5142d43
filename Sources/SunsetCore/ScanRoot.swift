/// One folder the user asked to scan, and what kind of volume it turned out to be.
public struct ScanRoot: Hashable, Codable, Sendable {
    /// Index of this root in `Inventory.roots`; other records refer to roots by it.
    public var index: Int
    /// The path as given on the command line (absolute).
    public var path: String
    /// True when the root holds `Windows/System32`, `Users` or `Program Files*` at its top.
    public var isWindowsVolume: Bool
    /// The operating system the data under this root lives on; `HostOS.none` for a plain
    /// folder (a copy or an external disk), which carries no system of its own.
    public var host: HostOS
    /// A short name for the root that every path of a multi-root scan is prefixed with
    /// (its folder's name, made unique); nil in inventories written before labels existed.
    public var label: String?
    /// For a root that a Windows volume's registry shows to be another drive of the same
    /// machine (its users' Documents or OneDrive folder is there): that volume's index.
    public var machine: Int?
    /// For a root inside a disk image: the file system's label, "pc.E01 · partition 2, NTFS
    /// 'Windows'" (`path` is then the image file); nil for a folder.
    public var imageVolume: String?

    public init(index: Int, path: String, isWindowsVolume: Bool, host: HostOS, label: String? = nil) {
        self.index = index
        self.path = path
        self.isWindowsVolume = isWindowsVolume
        self.host = host
        self.label = label
    }

    /// The machine the root belongs to: the linking Windows volume's index, else its own.
    public var machineIndex: Int { machine ?? index }

    /// The label, or one made from the path for inventories that have none.
    public var shownLabel: String { label ?? Self.labels(for: [path])[0] }

    /// Short, distinct labels for a list of root paths: each root's own folder name (`/` for
    /// the system's root); when two would be equal, the parent's name is put in front, and a
    /// number after that when they are still equal.
    public static func labels(for paths: [String]) -> [String] {
        func parts(_ path: String) -> [String] { path.split(separator: "/").map(String.init) }
        let names = paths.map { parts($0).last ?? "/" }
        var labels = names
        for (index, name) in names.enumerated() where names.filter({ $0 == name }).count > 1 {
            let components = parts(paths[index])
            labels[index] = components.suffix(2).joined(separator: "/")
            if labels[index].isEmpty { labels[index] = "/" }
        }
        let counts = Dictionary(labels.map { ($0, 1) }, uniquingKeysWith: +)
        return labels.enumerated().map { index, label in counts[label]! > 1 ? "\(label) #\(index + 1)" : label }
    }
}

/// A place in the scan: a root and a path relative to it.
public struct Location: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var root: Int
    public var path: VolumePath

    public init(root: Int, path: VolumePath) {
        self.root = root
        self.path = path
    }

    public var description: String { path.description }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        (lhs.root, lhs.path) < (rhs.root, rhs.path)
    }
}

/// One folder the user asked to scan, and what kind of volume it turned out to be.
public struct ScanRoot: Hashable, Codable, Sendable {
    /// Index of this root in `Inventory.roots`; other records refer to roots by it.
    public var index: Int
    /// The path as given on the command line (absolute).
    public var path: String
    /// True when the root holds `Windows/System32`, `Users` or `Program Files*` at its top.
    public var isWindowsVolume: Bool
    /// The operating system the data under this root lives on.
    public var host: HostOS

    public init(index: Int, path: String, isWindowsVolume: Bool, host: HostOS) {
        self.index = index
        self.path = path
        self.isWindowsVolume = isWindowsVolume
        self.host = host
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

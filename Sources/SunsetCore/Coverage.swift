/// What the scan saw and what it could not, so a report never claims more than was read.
public struct Coverage: Hashable, Codable, Sendable {
    public var directories: Int = 0
    public var files: Int = 0
    /// Files that matched a signature and were opened for identification.
    public var candidates: Int = 0
    public var symlinks: Int = 0
    /// FIFOs, sockets and devices, never opened.
    public var specialFiles: Int = 0
    /// Places that could not be read, with the reason.
    public var gaps: [Gap] = []

    public init() {}

    /// One place the scan could not read.
    public struct Gap: Hashable, Codable, Sendable, Comparable {
        public var location: Location
        public var reason: String

        public init(location: Location, reason: String) {
            self.location = location
            self.reason = reason
        }

        public static func < (lhs: Gap, rhs: Gap) -> Bool { (lhs.location, lhs.reason) < (rhs.location, rhs.reason) }
    }

    /// Adds another walk's counts to this one.
    public mutating func merge(_ other: Coverage) {
        directories += other.directories
        files += other.files
        candidates += other.candidates
        symlinks += other.symlinks
        specialFiles += other.specialFiles
        gaps += other.gaps
    }
}

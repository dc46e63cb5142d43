/// A folder that a user's registry hive records — the Documents folder (moved or not) or a
/// OneDrive account's folder — and where it lies under the scan root.
public struct UserFolder: Hashable, Codable, Sendable, Comparable {
    /// What the folder is to the user.
    public enum Kind: String, Codable, Sendable, Comparable {
        /// Documents ("Personal" in `User Shell Folders` / `Shell Folders`).
        case documents
        /// The folder a OneDrive account synchronises.
        case oneDrive = "onedrive"

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The profile folder's name (e.g. `marie` for `Users/marie`).
    public var user: String
    public var kind: Kind
    /// The path as the hive holds it, e.g. `%USERPROFILE%\OneDrive\Documents`.
    public var recorded: String
    /// The folder under the scan root, when it is there (nil: on another drive, a network
    /// share, or gone).
    public var location: Location?
    /// The user's `NTUSER.DAT`.
    public var hive: Location
    /// The key and value the path was read from.
    public var key: String

    public init(user: String, kind: Kind, recorded: String, location: Location?, hive: Location, key: String) {
        self.user = user
        self.kind = kind
        self.recorded = recorded
        self.location = location
        self.hive = hive
        self.key = key
    }

    /// By hive, then kind, then key.
    public static func < (lhs: UserFolder, rhs: UserFolder) -> Bool {
        (lhs.hive, lhs.kind, lhs.key, lhs.recorded) < (rhs.hive, rhs.kind, rhs.key, rhs.recorded)
    }
}

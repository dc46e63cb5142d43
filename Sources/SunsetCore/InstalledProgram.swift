/// One program a Windows volume's registry lists as installed (an uninstall entry), whichever
/// product it is: packs for other products can judge them too.
public struct InstalledProgram: Hashable, Codable, Sendable, Comparable {
    /// The entry's `DisplayName`, as Programs and Features shows it.
    public var name: String
    /// `DisplayVersion`.
    public var version: String?
    /// `Publisher`.
    public var publisher: String?
    /// `InstallLocation` as the registry holds it (a Windows path such as `C:\Program Files\…`).
    public var installLocation: String?
    /// `InstallDate` as the registry holds it (usually `YYYYMMDD`).
    public var installDate: String?
    /// The install location as a folder under the scan root, when it is there.
    public var location: Location?
    /// The hive file the entry was read from (`Windows/System32/config/SOFTWARE` or a user's `NTUSER.DAT`).
    public var hive: Location
    /// The entry's key inside the hive, e.g. `WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\Invoice2go`.
    public var key: String
    /// For an entry in a user's own hive (installed for that user alone), the profile folder's name.
    public var user: String?
    /// The lifecycle product and cycle it was matched to; nil when no lifecycle pack knows it
    /// ("lifecycle unknown": listed, never judged).
    public var lifecycle: ProgramLifecycle?
    /// The user's files that open with it, by extension; nil when the registry associates
    /// no file type with it.
    public var dependentFiles: [DependentFiles]?
    /// Where the entry comes from when it is not an uninstall entry: the host's operating
    /// system, or a product pack's installation; nil for an uninstall entry.
    public var kind: Kind?

    /// What else than an uninstall entry a listed program can be.
    public enum Kind: String, Codable, Sendable {
        /// The operating system of a scan root (from its hives and kernel, or the running system).
        case operatingSystem = "operating-system"
        /// An installation a product pack found (by its folder, executable or shortcut) that no
        /// uninstall entry lists.
        case productInstallation = "product-installation"
    }

    /// True for the entry that stands for a host's operating system.
    public var isOperatingSystem: Bool { kind == .operatingSystem }

    public init(name: String, version: String? = nil, publisher: String? = nil, installLocation: String? = nil,
                installDate: String? = nil, location: Location? = nil, hive: Location, key: String, user: String? = nil) {
        self.name = name
        self.version = version
        self.publisher = publisher
        self.installLocation = installLocation
        self.installDate = installDate
        self.location = location
        self.hive = hive
        self.key = key
        self.user = user
    }

    /// By name, then by where the entry was read.
    public static func < (lhs: InstalledProgram, rhs: InstalledProgram) -> Bool {
        (lhs.name, lhs.hive, lhs.key) < (rhs.name, rhs.hive, rhs.key)
    }
}

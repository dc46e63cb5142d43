/// One file type's link to the program that opens it, as a Windows volume's registry
/// records it: the machine's `SOFTWARE\Classes`, a user's `UsrClass.dat`, or a user's
/// choice under `Explorer\FileExts\.ext\UserChoice`.
public struct FileAssociation: Hashable, Codable, Sendable, Comparable {
    /// The extension, lower case with its dot (`.xls`).
    public var fileExtension: String
    /// The ProgID the extension points at (`Excel.Sheet.8`).
    public var progID: String
    /// The ProgID's `shell\open\command`, as written.
    public var command: String?
    /// The program file the command starts, as a Windows path.
    public var executable: String?
    /// That file under the scan root, when it is there.
    public var executableLocation: Location?
    /// The hive it was read from.
    public var hive: Location
    /// `machine`, `user-classes` (UsrClass.dat) or `user-choice`.
    public var origin: String
    /// For a user's hive, the profile folder's name.
    public var user: String?

    public init(fileExtension: String, progID: String, command: String? = nil, executable: String? = nil,
                executableLocation: Location? = nil, hive: Location, origin: String, user: String? = nil) {
        self.fileExtension = fileExtension
        self.progID = progID
        self.command = command
        self.executable = executable
        self.executableLocation = executableLocation
        self.hive = hive
        self.origin = origin
        self.user = user
    }

    /// By extension, then origin, user and ProgID.
    public static func < (lhs: FileAssociation, rhs: FileAssociation) -> Bool {
        (lhs.fileExtension, lhs.origin, lhs.user ?? "", lhs.progID, lhs.hive) < (rhs.fileExtension, rhs.origin, rhs.user ?? "", rhs.progID, rhs.hive)
    }
}

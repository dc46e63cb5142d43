/// How many files of one extension a scan root holds, and the folders that hold most of
/// them. Counted during the walk, for the extensions the registry associates with a program.
public struct FileTypeCount: Hashable, Codable, Sendable {
    /// A folder and how many such files it holds directly.
    public struct Folder: Hashable, Codable, Sendable {
        public var location: Location
        public var files: Int

        public init(location: Location, files: Int) {
            self.location = location
            self.files = files
        }
    }

    /// The extension, lower case with its dot (`.mdb`).
    public var fileExtension: String
    public var root: Int
    public var files: Int
    /// The folders with most such files, most first (at most `FileTypeCount.topFolders`).
    public var folders: [Folder]
    /// The files of that extension whose content is a legacy database (`DataFile.database`),
    /// sorted by path; nil when there is none.
    public var databases: [DataFile]?

    /// How many folders are kept per extension.
    public static let topFolders = 5

    public init(fileExtension: String, root: Int, files: Int, folders: [Folder]) {
        self.fileExtension = fileExtension
        self.root = root
        self.files = files
        self.folders = folders
    }
}

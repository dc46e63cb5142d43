/// What the scanner looks for to find backups of a whole computer, stated as data in
/// `Rules/backups/whole-computer.yaml`: Windows File History folders, Windows system-image
/// sets, and the files and folders of other imaging tools.
public struct WholeComputerSignatures: Hashable, Codable, Sendable {
    /// File History's folder names: `<folder>\<user>\<PC>\<dataFolder>\<drive>\…`.
    public struct FileHistory: Hashable, Codable, Sendable {
        public var folder: String
        public var dataFolder: String

        public init(folder: String, dataFolder: String) {
            self.folder = folder
            self.dataFolder = dataFolder
        }
    }

    /// Windows system-image sets: `<folder>\<PC>\<setPrefix>YYYY-MM-DD HHMMSS\`.
    public struct SystemImages: Hashable, Codable, Sendable {
        public var id: String
        public var name: String
        public var folder: String
        public var setPrefix: String
        /// Extensions of the disk images in a set (lower case, no dot).
        public var diskExtensions: [String]
        /// Names (files or folders) one of which a set holds when it holds no disk image.
        public var setFiles: [String]

        public init(id: String, name: String, folder: String, setPrefix: String, diskExtensions: [String], setFiles: [String]) {
            self.id = id
            self.name = name
            self.folder = folder
            self.setPrefix = setPrefix
            self.diskExtensions = diskExtensions
            self.setFiles = setFiles
        }
    }

    /// Another imaging tool: its files by extension (confirmed by libmagic's MIME type when
    /// `mime` is given), or its image folder by the names of the files in it.
    public struct Tool: Hashable, Codable, Sendable {
        public var id: String
        public var name: String
        /// Extensions (lower case, no dot) of the tool's image files.
        public var extensions: [String]
        /// libmagic's MIME type of the format's header; nil when the format has no known signature.
        public var mime: String?
        /// The file that marks an image folder, and the names one of which it also holds.
        public var folderMarker: String?
        public var folderAnyOf: [String]

        public init(id: String, name: String, extensions: [String] = [], mime: String? = nil,
                    folderMarker: String? = nil, folderAnyOf: [String] = []) {
            self.id = id
            self.name = name
            self.extensions = extensions
            self.mime = mime
            self.folderMarker = folderMarker
            self.folderAnyOf = folderAnyOf
        }
    }

    public var fileHistory: FileHistory?
    public var systemImages: SystemImages?
    public var tools: [Tool]

    public init(fileHistory: FileHistory? = nil, systemImages: SystemImages? = nil, tools: [Tool] = []) {
        self.fileHistory = fileHistory
        self.systemImages = systemImages
        self.tools = tools
    }

    /// Nothing to look for.
    public static let none = WholeComputerSignatures()
}

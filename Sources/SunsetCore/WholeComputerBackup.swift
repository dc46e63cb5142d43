import Foundation

/// A backup of a whole computer found under a root: a Windows system-image set
/// (`WindowsImageBackup\<PC>\Backup <date>\`) or another imaging tool's file or folder
/// (Macrium Reflect, Acronis, Veeam, Clonezilla). It is listed with its date and place; it
/// counts as a company's backup only once it has been opened and the company's data was
/// found inside (`companiesInside`), dated by the image.
public struct WholeComputerBackup: Hashable, Codable, Sendable {
    /// What kind of whole-computer backup it is.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// A set written by Windows' Backup and Restore: VHD/VHDX disk images Sunset can open.
        case systemImage = "system-image"
        /// A file or folder of another imaging tool, in a format Sunset cannot read.
        case toolImage = "tool-image"
    }

    /// How far Sunset got into its content.
    public enum Content: String, Codable, CaseIterable, Sendable {
        /// A format Sunset cannot read: named, never trusted.
        case unreadable
        /// A format Sunset can read, not opened by this scan.
        case notOpened = "not-opened"
        /// Opened and searched for every known company's data (`companiesInside`).
        case opened
    }

    /// How it was recognised.
    public enum Recognition: String, Codable, CaseIterable, Sendable {
        /// By its content's signature (libmagic's identification of its header).
        case content
        /// By its name and the files around it (the format has no known signature).
        case nameAndStructure = "name-and-structure"
    }

    /// Where its date comes from.
    public enum DateSource: String, Codable, CaseIterable, Sendable {
        /// The name the tool gave its folder (`Backup 2026-11-28 101500`).
        case folderName = "folder-name"
        /// The newest modification time among its files.
        case newestFile = "newest-file"
        /// The file's own modification time.
        case fileTime = "file-time"
    }

    /// A company whose data was found inside an opened image.
    public struct CompanyInside: Hashable, Codable, Sendable {
        public var product: String
        public var name: String
        /// The newest modification time of the company's data inside the image, when known.
        public var dataChanged: Date?

        public init(product: String, name: String, dataChanged: Date?) {
            self.product = product
            self.name = name
            self.dataChanged = dataChanged
        }
    }

    public var kind: Kind
    /// The tool's id in the whole-computer data file (`windows-system-image`, `macrium-reflect` …).
    public var tool: String
    /// The tool's name as people know it.
    public var toolName: String
    /// The image file, or the set's (or the image's) folder.
    public var location: Location
    /// The computer it was taken of, when its layout names it (`WindowsImageBackup\<PC>`).
    public var computer: String?
    /// When it was taken, as well as the scan can tell (`dateSource`).
    public var date: Date
    public var dateSource: DateSource
    /// Its files and their total size.
    public var files: Int
    public var bytes: UInt64
    public var placement: Placement
    /// The cloud-sync provider when `placement` is `.cloud`.
    public var cloudProvider: String?
    public var recognition: Recognition
    public var content: Content
    /// The companies found inside once opened; empty until then.
    public var companiesInside: [CompanyInside]
    public var evidence: [Evidence]

    public init(kind: Kind, tool: String, toolName: String, location: Location, computer: String? = nil, date: Date,
                dateSource: DateSource, files: Int, bytes: UInt64, placement: Placement = .local, cloudProvider: String? = nil,
                recognition: Recognition, content: Content, companiesInside: [CompanyInside] = [], evidence: [Evidence]) {
        self.kind = kind
        self.tool = tool
        self.toolName = toolName
        self.location = location
        self.computer = computer
        self.date = date
        self.dateSource = dateSource
        self.files = files
        self.bytes = bytes
        self.placement = placement
        self.cloudProvider = cloudProvider
        self.recognition = recognition
        self.content = content
        self.companiesInside = companiesInside
        self.evidence = evidence
    }

    /// The backups it gives companies: one per company found inside, once opened, dated by
    /// the image (so that the checklist's fresh-evidence rule judges it as any backup). An
    /// image not opened, or one Sunset cannot read, gives none.
    public var companyBackups: [Backup] {
        guard content == .opened else { return [] }
        return companiesInside.map { inside in
            Backup(product: inside.product,
                   file: DataFile(location: location, size: bytes, modified: inside.dataChanged ?? date,
                                  kind: "\(toolName) whole-computer backup", mime: "application/octet-stream"),
                   companies: [inside.name], readable: true, problem: nil, placement: placement,
                   cloudProvider: cloudProvider,
                   evidence: evidence + [Evidence(signature: "backup.whole-computer",
                                                  detail: "the data of '\(inside.name)' lies inside this \(toolName) backup",
                                                  at: location, confidence: .high)],
                   source: .wholeComputer, taken: date)
        }
    }
}

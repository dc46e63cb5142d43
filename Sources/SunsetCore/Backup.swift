import Foundation

/// Where a copy lives relative to the machine whose data it protects.
public enum Placement: String, Codable, CaseIterable, Sendable {
    /// On the same volume as the data, outside any cloud-sync folder.
    case local
    /// Under a cloud-sync folder (OneDrive, Dropbox, …): it leaves the machine.
    case cloud
    /// On another volume or scan root than the data.
    case otherVolume = "other-volume"

    /// True when the copy would survive the loss of the machine.
    public var isOffMachine: Bool { self != .local }
}

/// Where a backup comes from, when it is not a backup file made by the program or the user.
public enum BackupSource: String, Codable, CaseIterable, Sendable {
    /// A set of Windows File History copies of the company's files, taken at one moment.
    case fileHistory = "file-history"
    /// A whole-computer backup opened by Sunset, in which the company's data was found.
    case wholeComputer = "whole-computer"
}

/// A file that looks like a backup of a company, readable or not.
public struct Backup: Hashable, Codable, Sendable {
    public var product: String
    public var file: DataFile
    /// Names of the companies it belongs to (by file name or entry names).
    public var companies: [String]
    /// True when its content checks passed; only readable backups count as backups.
    public var readable: Bool
    /// Why it is unreadable (empty, truncated, checksum failure …), nil when readable.
    public var problem: String?
    public var placement: Placement
    /// The cloud-sync provider when `placement` is `.cloud`, e.g. "OneDrive".
    public var cloudProvider: String?
    public var evidence: [Evidence]
    /// What made it, when not a backup file (absent from results written before it existed
    /// and for plain backup files).
    public var source: BackupSource?
    /// When the copy was taken, when the backup itself says so (File History's UTC suffix,
    /// an image's date); nil when only the file's time tells.
    public var taken: Date?
    /// Every file of a backup made of several (a File History set: the copies of one moment),
    /// `file` first; nil for a backup that is one file.
    public var setFiles: [DataFile]?

    /// The backup's date: when it was taken if known, else its file's modification time.
    public var date: Date { taken ?? file.modified }

    public init(product: String, file: DataFile, companies: [String], readable: Bool, problem: String?,
                placement: Placement, cloudProvider: String?, evidence: [Evidence],
                source: BackupSource? = nil, taken: Date? = nil) {
        self.product = product
        self.file = file
        self.companies = companies
        self.readable = readable
        self.problem = problem
        self.placement = placement
        self.cloudProvider = cloudProvider
        self.evidence = evidence
        self.source = source
        self.taken = taken
    }
}

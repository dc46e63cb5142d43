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

    public init(product: String, file: DataFile, companies: [String], readable: Bool, problem: String?,
                placement: Placement, cloudProvider: String?, evidence: [Evidence]) {
        self.product = product
        self.file = file
        self.companies = companies
        self.readable = readable
        self.problem = problem
        self.placement = placement
        self.cloudProvider = cloudProvider
        self.evidence = evidence
    }
}

import Foundation

/// One company (data set) of a product: a folder of its data files.
public struct Company: Hashable, Codable, Sendable {
    public var product: String
    /// The company's name, derived from its folder name.
    public var name: String
    public var folder: Location
    /// The data files inside the folder, sorted by path.
    public var dataFiles: [DataFile]
    public var evidence: [Evidence]
    /// True for a company known only from the entries of a backup archive: no folder of its
    /// data was found anywhere, and `folder` is then the archive it was read from. Nil (the
    /// usual case) when its data folder was found.
    public var backupOnly: Bool?
    public var confidence: Confidence { evidence.strongest }

    /// True when the company is known only from a backup.
    public var isBackupOnly: Bool { backupOnly ?? false }

    /// The newest modification time among its data files.
    public var lastChange: Date? { dataFiles.map(\.modified).max() }

    public init(product: String, name: String, folder: Location, dataFiles: [DataFile], evidence: [Evidence],
                backupOnly: Bool? = nil) {
        self.backupOnly = backupOnly
        self.product = product
        self.name = name
        self.folder = folder
        self.dataFiles = dataFiles
        self.evidence = evidence
    }
}

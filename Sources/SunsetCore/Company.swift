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
    public var confidence: Confidence { evidence.strongest }

    /// The newest modification time among its data files.
    public var lastChange: Date? { dataFiles.map(\.modified).max() }

    public init(product: String, name: String, folder: Location, dataFiles: [DataFile], evidence: [Evidence]) {
        self.product = product
        self.name = name
        self.folder = folder
        self.dataFiles = dataFiles
        self.evidence = evidence
    }
}

/// A copy of a product's program found on a volume.
public struct Installation: Hashable, Codable, Sendable {
    /// The rule pack's product id, e.g. `invoice2go-classic`.
    public var product: String
    /// The program folder (or the executable when it stands alone).
    public var location: Location
    /// The version, when a version resource or the registry gave one.
    public var version: String?
    public var evidence: [Evidence]
    public var confidence: Confidence { evidence.strongest }

    public init(product: String, location: Location, version: String? = nil, evidence: [Evidence]) {
        self.product = product
        self.location = location
        self.version = version
        self.evidence = evidence
    }
}

/// How sure a detection is. Reports show it next to every detection.
public enum Confidence: String, Codable, CaseIterable, Comparable, Sendable {
    /// A weak hint (a name alone).
    case low
    /// A layout or name that the product typically uses.
    case medium
    /// Content or registry evidence that names the product.
    case high

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One observation behind a detection: which signature matched, on what, and how sure.
public struct Evidence: Hashable, Codable, Sendable {
    /// The signature or check that produced it, e.g. `installation.folders`.
    public var signature: String
    /// What was seen, in plain words (a matched name, a header field, a magic description).
    public var detail: String
    /// The file or folder it was seen on, when there is one.
    public var path: VolumePath?
    public var confidence: Confidence
    /// The scan root `path` lies under (an index into `Inventory.roots`); nil in inventories
    /// written before roots were recorded on evidence, and for evidence without a path.
    public var root: Int?

    public init(signature: String, detail: String, path: VolumePath? = nil, confidence: Confidence, root: Int? = nil) {
        self.signature = signature
        self.detail = detail
        self.path = path
        self.confidence = confidence
        self.root = root
    }

    /// Evidence seen at a place of the scan: its path and its root.
    public init(signature: String, detail: String, at location: Location, confidence: Confidence) {
        self.init(signature: signature, detail: detail, path: location.path, confidence: confidence, root: location.root)
    }
}

extension Array where Element == Evidence {
    /// The confidence of the strongest piece of evidence, `low` when there is none.
    public var strongest: Confidence { map(\.confidence).max() ?? .low }

    /// The same evidence, with `root` set on every piece that has a path but no root yet.
    public func placed(on root: Int) -> [Evidence] {
        map { evidence in
            var evidence = evidence
            if evidence.root == nil && evidence.path != nil { evidence.root = root }
            return evidence
        }
    }
}

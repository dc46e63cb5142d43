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

    public init(signature: String, detail: String, path: VolumePath? = nil, confidence: Confidence) {
        self.signature = signature
        self.detail = detail
        self.path = path
        self.confidence = confidence
    }
}

extension Array where Element == Evidence {
    /// The confidence of the strongest piece of evidence, `low` when there is none.
    public var strongest: Confidence { map(\.confidence).max() ?? .low }
}

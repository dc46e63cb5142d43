/// The verdict on one bag: what it holds, and every problem found.
public struct BagVerification: Sendable {
    /// One thing wrong with the bag.
    public struct Problem: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// What kind of problem it is.
        public enum Kind: String, Sendable {
            /// Listed in a manifest, absent from the bag.
            case missing
            /// In `data/`, listed in no manifest (or not a regular file).
            case extra
            /// Present, but a checksum differs.
            case corrupt
            /// The bag's own structure is wrong (declaration, manifest lines, Payload-Oxum …).
            case invalid
        }

        public var kind: Kind
        /// The file concerned, relative to the bag (`data/…` or a tag file).
        public var path: String
        public var detail: String

        public init(_ kind: Kind, _ path: String, _ detail: String) {
            self.kind = kind
            self.path = path
            self.detail = detail
        }

        public var description: String { "\(kind.rawValue): \(path) (\(detail))" }

        public static func < (lhs: Problem, rhs: Problem) -> Bool {
            (lhs.path, lhs.kind.rawValue, lhs.detail) < (rhs.path, rhs.kind.rawValue, rhs.detail)
        }
    }

    /// The bag's folder.
    public var bag: String
    /// Regular files found in `data/`, and their bytes.
    public var files: Int
    public var bytes: UInt64
    /// The payload manifests' algorithms, sorted.
    public var algorithms: [String]
    /// Sorted by path.
    public var problems: [Problem]

    /// True when nothing is wrong.
    public var isValid: Bool { problems.isEmpty }
}

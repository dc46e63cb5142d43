/// One entry the walk met. Only names and types are known here; sizes and times are read
/// later, for candidate files only.
public struct WalkEntry: Sendable {
    public enum Kind: UInt8, Sendable {
        case file, directory, symlink, special
    }

    public var path: [UInt8]
    public var kind: Kind

    public init(path: [UInt8], kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

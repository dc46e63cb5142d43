/// Several globs matched at once. Globs whose last name ends in a literal extension
/// (`*.zip`, `Invoice2go*.exe`) are filed under it, so a path meets only the globs of its own
/// extension — one dictionary look-up instead of one test per glob on the walk's hot path.
public final class GlobSet: Sendable {
    private let byExtension: [UInt64: [Glob]]
    private let others: [Glob]
    public let globs: [Glob]
    /// Each glob's literal-extension key, in the order of `globs` (nil: any extension).
    private let keys: [UInt64?]

    public init(_ globs: [Glob]) {
        self.globs = globs
        var byExtension: [UInt64: [Glob]] = [:]
        var others: [Glob] = []
        for glob in globs {
            if let ext = glob.literalExtension { byExtension[Self.pack(ext), default: []].append(glob) } else { others.append(glob) }
        }
        self.byExtension = byExtension
        self.others = others
        keys = globs.map { $0.literalExtension.map(Self.pack) }
    }

    public convenience init(_ patterns: [String]) { self.init(patterns.map { Glob($0) }) }

    /// The extension keys some glob needs; with `hasOthers` false, a path whose key is not
    /// among them cannot match.
    public var extensionKeys: Set<UInt64> { Set(byExtension.keys) }

    /// True when some glob has no literal extension (and so must be tried on every path).
    public var hasOthers: Bool { !others.isEmpty }

    /// The first glob (in the order given) that matches the path, if any.
    public func firstMatch(_ path: [UInt8]) -> Glob? {
        let key = Self.extensionKey(path)
        for (index, glob) in globs.enumerated() where keys[index] == nil || keys[index] == key {
            if glob.matches(path) { return glob }
        }
        return nil
    }

    /// True when some glob matches. `key` is `extensionKey(path)`, when the caller has it.
    public func contains(_ path: [UInt8], key: UInt64?? = .none) -> Bool {
        let key = key ?? Self.extensionKey(path)
        if let key, let globs = byExtension[key], globs.contains(where: { $0.matches(path) }) {
            return true
        }
        return others.contains { $0.matches(path) }
    }

    /// The lower-cased bytes after the last dot of the last name (at most 8), packed into
    /// one integer so that looking it up allocates nothing; nil when there is none.
    public static func extensionKey(_ path: [UInt8]) -> UInt64? {
        var key: UInt64 = 0
        var index = path.count - 1
        while index >= 0 && path.count - index <= 9 {
            let byte = path[index]
            if byte == UInt8(ascii: "/") { return nil }
            if byte == UInt8(ascii: ".") { return index == path.count - 1 ? nil : key }
            key = key << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            index -= 1
        }
        return nil
    }

    /// The key of an extension given in order (e.g. "zip").
    static func pack(_ ext: [UInt8]) -> UInt64 {
        ext.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}

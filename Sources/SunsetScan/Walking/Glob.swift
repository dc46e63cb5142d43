import Glibc

/// A shell glob over paths relative to a scan root: `*`, `?` and `[...]` stay within one
/// component (matched by the C library's `fnmatch`), and a `**` component spans any number
/// of folders, including none. Works on raw bytes, so any file name can be matched.
///
/// Matching is on the walk's hot path (every file meets every signature), so a glob first
/// rejects by cheap byte checks on the last name — its literal prefix and suffix, and the
/// number of components — and calls `fnmatch` only for the few paths that survive.
public final class Glob: Sendable, CustomStringConvertible {
    public let pattern: String
    private let components: [[CChar]]
    /// Per component: its bytes (folded when case-insensitive) when it holds no wildcard,
    /// compared directly instead of through `fnmatch`.
    private let literals: [[UInt8]?]
    /// Per component: true for `**`, and true for a lone `*`.
    private let doubleStars: [Bool]
    private let stars: [Bool]
    private let caseInsensitive: Bool
    private let hasDoubleStar: Bool
    /// Lower-cased literal bytes that the last name must start and end with.
    private let namePrefix: [UInt8]
    private let nameSuffix: [UInt8]

    public init(_ pattern: String, caseInsensitive: Bool = true) {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        let parts = pattern.split(separator: "/").map(String.init)
        self.components = parts.map { Array<CChar>($0.utf8CString) }
        self.hasDoubleStar = parts.contains("**")
        self.doubleStars = parts.map { $0 == "**" }
        self.stars = parts.map { $0 == "*" }
        let last = parts.last.map { Array($0.utf8) } ?? []
        let wild: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "\\")]
        let isWild: (UInt8) -> Bool = { wild.contains($0) }
        let fold: (UInt8) -> UInt8 = { caseInsensitive ? Self.lower($0) : $0 }
        // Folding only ASCII letters is what FNM_CASEFOLD does in the C locale Sunset runs in.
        self.literals = parts.map { part in
            let bytes = Array(part.utf8)
            return bytes.contains(where: isWild) ? nil : bytes.map(fold)
        }
        if last == Array("**".utf8) {
            namePrefix = []
            nameSuffix = []
        } else {
            let prefix: [UInt8] = Array(last.prefix { !isWild($0) })
            namePrefix = prefix.map(fold)
            if last.contains(where: isWild) {
                let reversedTail: [UInt8] = Array(last.reversed().prefix { !isWild($0) })
                nameSuffix = reversedTail.reversed().map(fold)
            } else {
                nameSuffix = []
            }
        }
    }

    public var description: String { pattern }

    /// The extension every match must have (lower-cased, for case-insensitive globs), when the
    /// pattern's last name ends in a literal `.ext`.
    public var literalExtension: [UInt8]? {
        guard caseInsensitive, let dot = nameSuffix.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let ext = Array(nameSuffix[(dot + 1)...])
        return ext.isEmpty || ext.count > 8 ? nil : ext
    }

    /// True when the whole path matches.
    public func matches(_ path: [UInt8]) -> Bool {
        path.withUnsafeBufferPointer { matches($0) }
    }

    /// True when one name (a single component) matches a single-component pattern.
    public func matchesName(_ name: [UInt8]) -> Bool {
        components.count == 1 && name.withUnsafeBufferPointer { quickName($0) && component(0, $0) }
    }

    private func matches(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        guard quickName(path) else { return false }
        if !hasDoubleStar {
            // One component against one name, without building the list of names: the
            // literal components first (a byte comparison rejects most paths), then the others.
            for literalPass in [true, false] {
                var index = 0, start = 0
                for end in 0...path.count where end == path.count || path[end] == Self.slash {
                    if end > start {
                        guard index < components.count else { return false }
                        if (literals[index] != nil) == literalPass
                            && !component(index, UnsafeBufferPointer(rebasing: path[start..<end])) {
                            return false
                        }
                        index += 1
                    }
                    start = end + 1
                }
                if index != components.count { return false }
            }
            return true
        } else if components.count == 2 && doubleStars[0] {
            // "**/NAME": only the last name matters, however deep the path.
            var start = path.count
            while start > 0 && path[start - 1] != Self.slash { start -= 1 }
            return start < path.count && component(1, UnsafeBufferPointer(rebasing: path[start...]))
        }
        var parts: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for index in 0...path.count where index == path.count || path[index] == Self.slash {
            if index > start { parts.append(UnsafeBufferPointer(rebasing: path[start..<index])) }
            start = index + 1
        }
        return match(0, parts[...])
    }

    /// The cheap test on the last name's literal prefix and suffix.
    private func quickName(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = path.count
        while start > 0 && path[start - 1] != Self.slash { start -= 1 }
        let length = path.count - start
        guard length >= namePrefix.count + nameSuffix.count else { return namePrefix.isEmpty && nameSuffix.isEmpty }
        for (offset, byte) in namePrefix.enumerated() where fold(path[start + offset]) != byte { return false }
        let suffixStart = path.count - nameSuffix.count
        for (offset, byte) in nameSuffix.enumerated() where fold(path[suffixStart + offset]) != byte { return false }
        return true
    }

    private static let slash = UInt8(ascii: "/")
    private static let caseFold: Int32 = 1 << 4  // FNM_CASEFOLD (GNU and BSD agree)

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    private func fold(_ byte: UInt8) -> UInt8 { caseInsensitive ? Self.lower(byte) : byte }

    private func match(_ index: Int, _ path: ArraySlice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard index < components.count else { return path.isEmpty }
        if doubleStars[index] {
            var rest = path
            while true {
                if match(index + 1, rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let first = path.first, component(index, first) else { return false }
        return match(index + 1, path.dropFirst())
    }

    /// The pattern's component `index` against one name: a byte comparison for a literal,
    /// else `fnmatch` on the name copied into a NUL-terminated stack buffer.
    private func component(_ index: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if let literal = literals[index] {
            guard literal.count == name.count else { return false }
            for offset in 0..<name.count where fold(name[offset]) != literal[offset] { return false }
            return true
        }
        if stars[index] { return true }  // `*` takes any name (fnmatch without FNM_PERIOD agrees)
        let pattern = components[index]
        let flags = caseInsensitive ? Self.caseFold : 0
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: name.count + 1) { buffer in
            for index in 0..<name.count { buffer[index] = CChar(bitPattern: name[index]) }
            buffer[name.count] = 0
            return pattern.withUnsafeBufferPointer { fnmatch($0.baseAddress!, buffer.baseAddress!, flags) == 0 }
        }
    }
}

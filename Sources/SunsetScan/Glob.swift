import Glibc

/// A shell glob over paths relative to a scan root: `*`, `?` and `[...]` stay within one
/// component (matched by the C library's `fnmatch`), and a `**` component spans any number
/// of folders, including none. Works on raw bytes, so any file name can be matched.
public struct Glob: Sendable, CustomStringConvertible {
    public let pattern: String
    private let components: [[CChar]]
    private let caseInsensitive: Bool

    public init(_ pattern: String, caseInsensitive: Bool = true) {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        self.components = pattern.split(separator: "/").map { Array<CChar>(String($0).utf8CString) }
    }

    public var description: String { pattern }

    /// True when the whole path matches.
    public func matches(_ path: [UInt8]) -> Bool {
        let parts = path.split(separator: UInt8(ascii: "/")).map { Array($0) + [0] }
        return match(0, parts[...])
    }

    /// True when one name (a single component) matches a single-component pattern.
    public func matchesName(_ name: [UInt8]) -> Bool {
        components.count == 1 && component(components[0], name + [0])
    }

    private static let doubleStar: [CChar] = Array<CChar>("**".utf8CString)
    private static let caseFold: Int32 = 1 << 4  // FNM_CASEFOLD (GNU and BSD agree)

    private func match(_ index: Int, _ path: ArraySlice<[UInt8]>) -> Bool {
        guard index < components.count else { return path.isEmpty }
        if components[index] == Self.doubleStar {
            var rest = path
            while true {
                if match(index + 1, rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let first = path.first, component(components[index], first) else { return false }
        return match(index + 1, path.dropFirst())
    }

    private func component(_ pattern: [CChar], _ name: [UInt8]) -> Bool {
        let flags = caseInsensitive ? Self.caseFold : 0
        return pattern.withUnsafeBufferPointer { p in
            name.withUnsafeBufferPointer { n in
                n.baseAddress!.withMemoryRebound(to: CChar.self, capacity: n.count) {
                    fnmatch(p.baseAddress!, $0, flags) == 0
                }
            }
        }
    }
}

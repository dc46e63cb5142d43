import Foundation
import SunsetCore
import Yams

/// The one way Sunset reads YAML: a node that knows its file and key path, and whose every
/// accessor either returns the value asked for or throws a `RulePackError` that says where
/// and why. Mappings must be read through `fields(...)`, which rejects unknown keys.
public struct StrictYAML {
    public let node: Node
    public let file: String
    public let keyPath: String

    /// A node of `file` at `keyPath`.
    public init(node: Node, file: String, keyPath: String) {
        self.node = node
        self.file = file
        self.keyPath = keyPath
    }

    /// Parses a whole document. An empty document is an error.
    public static func parse(_ text: String, file: String) throws -> StrictYAML {
        let node: Node?
        do {
            node = try compose(text)
        } catch let error as YamlError {
            throw Self.syntaxError(error, file: file)
        }
        guard let node else {
            throw RulePackError.invalid(file: file, line: 1, column: 1, keyPath: "", reason: "the file is empty")
        }
        return StrictYAML(node: node, file: file, keyPath: "")
    }

    /// The document's nodes, with no implicit tags where that changes nothing: this wrapper
    /// decides every scalar's type itself (`string()`, `int()`…), and resolving Yams's tags,
    /// a regular expression per scalar, was most of the time spent reading a pack.
    ///
    /// Tags matter only to Yams's duplicate-key check, which tells keys apart by text and
    /// tag. A quoted key is always a string; a plain one is a string for the basic schema but
    /// may be a number for the full one, so the basic schema finds more duplicates (a plain
    /// `1` and a quoted `"1"`): when it finds one, the text is read again with the full
    /// schema, which refuses exactly what it refused before or leaves the key to
    /// `fields(…)`. An explicit tag (`!!int 1`) can make two keys equal for the full schema
    /// only, so a text with a `!` anywhere is read with the full schema from the start.
    private static func compose(_ text: String) throws -> Node? {
        guard !text.utf8.contains(UInt8(ascii: "!")) else { return try Yams.compose(yaml: text, .default) }
        do {
            return try Yams.compose(yaml: text, .basic)
        } catch YamlError.duplicatedKeysInMapping {
            return try Yams.compose(yaml: text, .default)
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> RulePackError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let reason = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .syntax(file: file, line: mark.line, column: mark.column, reason: reason)
        case let .composer(context, problem, mark, _):
            let reason = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .syntax(file: file, line: mark.line, column: mark.column, reason: reason)
        default:
            return .syntax(file: file, line: 1, column: 1, reason: "\(error)")
        }
    }

    // MARK: - Errors

    public var line: Int { node.mark?.line ?? 1 }
    public var column: Int { node.mark?.column ?? 1 }

    /// Where this node is written.
    var location: SourceLocation { SourceLocation(file: file, line: line, column: column, keyPath: keyPath) }

    /// An error pointing at this node.
    public func error(_ reason: String) -> RulePackError {
        .invalid(file: file, line: line, column: column, keyPath: keyPath, reason: reason)
    }

    private var kindName: String {
        switch node {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: - Mappings

    /// The mapping's entries after checking that every key is known and every required
    /// key is present. Keys are returned in document order.
    public func fields(required: [String], optional: [String] = []) throws -> Fields {
        guard case let .mapping(mapping) = node else {
            throw error("expected a mapping with keys \(required.map { "'\($0)'" }.joined(separator: ", ")), found \(kindName)")
        }
        let allowed = required + optional
        var values: [String: StrictYAML] = [:]
        for (keyNode, valueNode) in mapping {
            let keyYAML = StrictYAML(node: keyNode, file: file, keyPath: keyPath)
            guard let key = keyNode.scalar?.string else { throw keyYAML.error("keys must be plain strings") }
            let child = self.child(valueNode, key: key)
            guard allowed.contains(key) else {
                throw StrictYAML(node: keyNode, file: file, keyPath: child.keyPath)
                    .error("unknown key '\(key)'" + Spelling.hint(for: key, among: allowed))
            }
            guard values[key] == nil else {
                throw StrictYAML(node: keyNode, file: file, keyPath: child.keyPath).error("duplicate key '\(key)'")
            }
            values[key] = child
        }
        for key in required where values[key] == nil {
            throw error("missing required key '\(key)'")
        }
        return Fields(owner: self, values: values)
    }

    /// The entries of a mapping whose keys are free-form (e.g. fact names in examples).
    public func entries() throws -> [(key: String, value: StrictYAML)] {
        guard case let .mapping(mapping) = node else { throw error("expected a mapping, found \(kindName)") }
        var seen = Set<String>()
        return try mapping.map { keyNode, valueNode in
            guard let key = keyNode.scalar?.string else {
                throw StrictYAML(node: keyNode, file: file, keyPath: keyPath).error("keys must be plain strings")
            }
            guard seen.insert(key).inserted else {
                throw StrictYAML(node: keyNode, file: file, keyPath: keyPath).error("duplicate key '\(key)'")
            }
            return (key, child(valueNode, key: key))
        }
    }

    private func child(_ node: Node, key: String) -> StrictYAML {
        StrictYAML(node: node, file: file, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)")
    }

    /// The checked entries of one mapping.
    public struct Fields {
        public let owner: StrictYAML
        public let values: [String: StrictYAML]

        /// A required key's value (`fields(required:)` has checked it is there).
        public subscript(key: String) -> StrictYAML { values[key]! }

        /// An optional key's value.
        public func optional(_ key: String) -> StrictYAML? { values[key] }
    }

    // MARK: - Sequences

    /// The items of a list.
    public func list() throws -> [StrictYAML] {
        guard case let .sequence(sequence) = node else { throw error("expected a list, found \(kindName)") }
        return sequence.enumerated().map { index, item in
            StrictYAML(node: item, file: file, keyPath: "\(keyPath)[\(index)]")
        }
    }

    /// A non-empty list of strings.
    public func strings(allowEmpty: Bool = false) throws -> [String] {
        let items = try list()
        if items.isEmpty && !allowEmpty { throw error("the list must not be empty") }
        return try items.map { try $0.string() }
    }

    // MARK: - Scalars

    private var scalar: Node.Scalar? {
        if case let .scalar(scalar) = node { return scalar }
        return nil
    }

    /// A non-empty string. Numbers, booleans and dates written without quotes are refused
    /// so that `version: 1.10` never silently becomes "1.1".
    public func string() throws -> String {
        guard let scalar, scalar.style != .plain || node.isPlainString else {
            throw error("expected text, found \(describeScalar)")
        }
        // Blank when every character is white space: the same test as trimming it away,
        // without building the trimmed copy of every text.
        guard !scalar.string.unicodeScalars.allSatisfy(CharacterSet.whitespacesAndNewlines.contains) else {
            throw error("the text must not be empty")
        }
        return scalar.string
    }

    /// An integer.
    public func int() throws -> Int {
        if let scalar, scalar.style == .plain, let value = Self.decimal(scalar.string) { return value }
        guard scalar != nil, let value = node.int, node.isPlainNumber else {
            throw error("expected a whole number, found \(describeScalar)")
        }
        return value
    }

    /// Digits without a leading zero (or a lone `0`), read as Yams reads them (`010` is
    /// octal to Yams, so it and every other form are left to it).
    private static func decimal(_ text: String) -> Int? {
        let digits = text.utf8
        guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1,
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(text)
    }

    /// `true` or `false`.
    public func bool() throws -> Bool {
        guard scalar != nil, let value = node.bool, scalar?.style == .plain else {
            throw error("expected true or false, found \(describeScalar)")
        }
        return value
    }

    /// A `YYYY-MM-DD` date (quoted or not).
    public func date() throws -> CalendarDay {
        guard let text = scalar?.string else { throw error("expected a date YYYY-MM-DD, found \(kindName)") }
        guard let day = CalendarDay(text) else {
            throw error("'\(text)' is not a valid date; write YYYY-MM-DD, e.g. 2017-10-31")
        }
        return day
    }

    /// A string from a fixed set.
    public func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue)
            throw error("'\(text)' is not one of \(names.joined(separator: ", "))" + Spelling.hint(for: text, among: names))
        }
        return value
    }

    var describeScalar: String {
        guard let scalar else { return kindName }
        return "'\(scalar.string)'"
    }
}

private extension Node {
    /// A plain scalar that YAML's core schema reads as a string (not a number, bool or null).
    var isPlainString: Bool {
        guard case let .scalar(scalar) = self, scalar.style == .plain else { return false }
        if let first = scalar.string.utf8.first, Self.startsOnlyText(first) { return bool == nil }
        return int == nil && float == nil && bool == nil && null == nil
    }

    /// Whether a plain scalar starting with this byte can be neither a number nor a null:
    /// an ASCII letter other than those starting `inf`, `nan`, `snan` and `null`, which Swift
    /// and Yams read as numbers or null (their checks are slow, and most texts start with
    /// another letter). Booleans are still checked.
    private static func startsOnlyText(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "n"), UInt8(ascii: "N"),
             UInt8(ascii: "s"), UInt8(ascii: "S"): return false
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return true
        default: return false
        }
    }

    /// A plain scalar that reads as an integer.
    var isPlainNumber: Bool {
        guard case let .scalar(scalar) = self else { return false }
        return scalar.style == .plain
    }
}

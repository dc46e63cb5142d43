import Foundation
import Yams

/// One node of a case file that knows its file and key path. Mappings are read through
/// `fields`, which refuses unknown and duplicate keys, so a misspelt key never passes silently.
///
/// (SunsetRules has the same kind of wrapper for rule packs, but it is internal to that stage.)
struct CaseNode {
    let node: Node
    let file: String
    let keyPath: String

    /// Parses a whole document; an empty one is an error.
    static func parse(_ text: String, file: String) throws -> CaseNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw CorpusError.invalid(file: file, line: 1, keyPath: "", reason: "not valid YAML: \(error)")
        }
        guard let node else { throw CorpusError.invalid(file: file, line: 1, keyPath: "", reason: "the file is empty") }
        return CaseNode(node: node, file: file, keyPath: "")
    }

    /// An error pointing at this node.
    func error(_ reason: String) -> CorpusError {
        .invalid(file: file, line: node.mark?.line ?? 1, keyPath: keyPath, reason: reason)
    }

    private func child(_ node: Node, _ key: String) -> CaseNode {
        CaseNode(node: node, file: file, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)")
    }

    // MARK: - Mappings

    /// The mapping's values by key, after checking every key is allowed and every required one is there.
    func fields(required: [String] = [], optional: [String] = []) throws -> [String: CaseNode] {
        var values: [String: CaseNode] = [:]
        for (key, value) in try entries() {
            guard required.contains(key) || optional.contains(key) else {
                let known = (required + optional).map { "'\($0)'" }.joined(separator: ", ")
                throw value.error("unknown key '\(key)' (known keys: \(known))")
            }
            values[key] = value
        }
        for key in required where values[key] == nil { throw error("missing required key '\(key)'") }
        return values
    }

    /// The entries of a mapping with free-form keys, in document order.
    func entries() throws -> [(key: String, value: CaseNode)] {
        guard case let .mapping(mapping) = node else { throw error("expected a mapping") }
        var seen = Set<String>()
        return try mapping.map { keyNode, valueNode in
            guard let key = keyNode.scalar?.string else { throw error("keys must be plain text") }
            guard seen.insert(key).inserted else { throw error("duplicate key '\(key)'") }
            return (key, child(valueNode, key))
        }
    }

    // MARK: - Lists and scalars

    /// The items of a list.
    func list() throws -> [CaseNode] {
        guard case let .sequence(sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { CaseNode(node: $1, file: file, keyPath: "\(keyPath)[\($0)]") }
    }

    /// A list of texts (may be empty).
    func strings() throws -> [String] { try list().map { try $0.string() } }

    /// Text, as written (a number or date written without quotes is taken as its text).
    func string() throws -> String {
        guard case let .scalar(scalar) = node else { throw error("expected text") }
        return scalar.string
    }

    /// A whole number.
    func int() throws -> Int {
        guard case let .scalar(scalar) = node, let value = Int(scalar.string) else { throw error("expected a whole number") }
        return value
    }

    /// `true` or `false`.
    func bool() throws -> Bool {
        guard case let .scalar(scalar) = node, ["true", "false"].contains(scalar.string) else {
            throw error("expected true or false")
        }
        return scalar.string == "true"
    }
}

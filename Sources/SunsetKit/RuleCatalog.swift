import Foundation
import SunsetCore
import SunsetRules

/// `sunset rules`: listing, validating and explaining packs.
public enum RuleCatalog {
    /// One line per rule: id, severity, scope, title.
    public static func list(extra: [String]) throws -> String {
        var lines: [String] = []
        for pack in try PackSet.load(extra: extra) {
            lines.append("\(pack.id) \(pack.version) — \(pack.product.name) (\(pack.source))")
            for rule in pack.rules {
                let padded = rule.fullID.padding(toLength: 48, withPad: " ", startingAt: 0)
                lines.append("  \(padded) \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                             + "\(rule.scope.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(rule.title(.en))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Loads each pack strictly; the first error is thrown.
    public static func validate(_ paths: [String]) throws -> String {
        var lines: [String] = []
        for path in paths {
            for file in try PackSet.packFiles(at: path) {
                let pack = try RulePackLoader.load(contentsOf: file)
                lines.append("\(file.path): ok (\(pack.id) \(pack.version), \(pack.rules.count) rules, \(pack.checklist.count) steps)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a rule checks, how bad it is, and the remedy.
    public static func explain(_ id: String, extra: [String], lang: String) throws -> String {
        let language = Language(rawValue: lang) ?? .en
        let packs = try PackSet.load(extra: extra)
        let rules = packs.flatMap(\.rules)
        guard let rule = rules.first(where: { $0.fullID == id || $0.id == id }) else {
            throw RuleCatalogError.unknownRule(id, suggestion: rules.map(\.fullID))
        }
        var lines = [
            rule.fullID,
            "  \(rule.title(language))",
            "  severity: \(rule.severity.rawValue)    scope: \(rule.scope.rawValue)",
            "  fires when: \(ConditionText.describe(rule.condition))",
            "  message: \(rule.message(language))",
            "  remediation: \(rule.remediation(language))",
        ]
        for reference in rule.references { lines.append("  see: \(reference)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// An unknown rule id given to `rules explain`.
public enum RuleCatalogError: Error, LocalizedError {
    case unknownRule(String, suggestion: [String])

    public var errorDescription: String? {
        switch self {
        case let .unknownRule(id, ids):
            let close = ids.min { a, b in a.commonPrefix(with: id).count > b.commonPrefix(with: id).count }
            return "no rule '\(id)'" + (close.map { "; did you mean '\($0)'?" } ?? "") + " (see `sunset rules list`)"
        }
    }
}

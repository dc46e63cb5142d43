import Foundation
import SunsetCore
import SunsetRules

/// `sunset rules`: listing, validating and explaining packs.
public enum RuleCatalog {
    /// One line per pack, then one per rule: id, severity, scope, title.
    public static func list(extra: [String]) throws -> String {
        var lines: [String] = []
        for pack in try PackSet.load(extra: extra) {
            lines.append("\(pack.id) \(pack.version) — \(pack.product.name) (\(pack.source))")
            for rule in pack.rules {
                lines.append("  " + [rule.fullID.padding(48), rule.severity.rawValue.padding(8),
                                     rule.scope.rawValue.padding(12), rule.title(.en)].joined(separator: " "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs the lifecycle importer and says how many files it changed.
    public static func importEndOfLife(from source: String, to destination: String, osTo: String?) throws -> String {
        let importer = LifecycleImporter(source: URL(fileURLWithPath: source), destination: URL(fileURLWithPath: destination),
                                         osDestination: osTo.map { URL(fileURLWithPath: $0) })
        let files = try importer.render().count
        let changed = try importer.run()
        return "\(files) files from \(source): \(changed == 0 ? "nothing changed" : "\(changed) written")"
    }

    /// The full id of every rule of the built-in (and given) packs.
    public static func ruleIDs(extra: [String] = []) throws -> [String] {
        try PackSet.load(extra: extra).flatMap(\.rules).map(\.fullID)
    }

    /// Loads each file strictly and gathers every error; runs every rule's examples.
    public static func validate(_ paths: [String]) -> Validation {
        let report = PackValidator.validate(paths)
        return Validation(output: report.valid.map { $0 + "\n" }.joined(), errors: report.errors.map(\.description))
    }

    /// What `rules validate` prints: the good files on stdout, each error on its own line.
    public struct Validation: Sendable {
        public var output: String
        public var errors: [String]
        /// True when no file had an error.
        public var passed: Bool { errors.isEmpty }
    }

    /// What a rule checks, in words and as written, its examples and the remedy.
    public static func explain(_ id: String, extra: [String], lang: String) throws -> String {
        guard let language = Language(rawValue: lang) else {
            throw KitError.badFormat(lang, known: Language.allCases.map(\.rawValue))
        }
        let packs = try PackSet.load(extra: extra, withExamples: true)
        let ids = packs.flatMap(\.rules).map(\.fullID)
        for pack in packs {
            if let rule = pack.rules.first(where: { $0.fullID == id || (!id.contains("/") && $0.id == id) }) {
                let tables = try PackSet.osReleases(extra: extra)
                return RuleExplainer(pack: pack, language: language, osReleases: tables).explain(rule)
            }
        }
        throw RuleCatalogError.unknownRule(id, suggestion: ids)
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

private extension String {
    func padding(_ width: Int) -> String { padding(toLength: max(width, count), withPad: " ", startingAt: 0) }
}

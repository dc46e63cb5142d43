import Foundation
import Mustache
import SunsetCore

/// Reads rule packs strictly: every key known, every type right, every fact name and
/// template checked, ids unique. A pack that loads is a pack that can run.
public enum RulePackLoader {
    /// Loads one pack from YAML text. `file` names it in errors; `source` is recorded in results.
    public static func load(yaml text: String, file: String, source: String? = nil) throws -> RulePack {
        let root = try StrictYAML.parse(text, file: file)
        let top = try root.fields(required: ["version", "pack", "product", "signatures", "rules", "checklist"])
        let version = try top["version"].int()
        guard RulePack.supportedVersions.contains(version) else {
            throw top["version"].error("schema version \(version) is not supported; this build reads version \(RulePack.supportedVersions.map(String.init).joined(separator: ", "))")
        }
        let pack = try top["pack"].fields(required: ["id", "version"])
        let id = try identifier(pack["id"])
        let product = try loadProduct(top["product"])
        let dates = Array(product.dates.keys)
        let rules = try loadList(top["rules"]) { try loadRule($0, pack: id, dates: dates) }
        let steps = try loadList(top["checklist"]) { try loadStep($0, pack: id, dates: dates) }
        return RulePack(
            id: id,
            version: try pack["version"].string(),
            product: product,
            signatures: try loadSignatures(top["signatures"], product: id),
            rules: rules,
            checklist: steps,
            source: source ?? file
        )
    }

    /// Loads a pack file from disk.
    public static func load(contentsOf url: URL) throws -> RulePack {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RulePackError.unreadable(file: url.path, reason: (error as NSError).localizedDescription)
        }
        return try load(yaml: text, file: url.path)
    }

    // MARK: - Parts

    private static func loadProduct(_ yaml: StrictYAML) throws -> RulePack.Product {
        let fields = try yaml.fields(required: ["name", "vendor", "dates"])
        var dates: [String: CalendarDay] = [:]
        for (name, value) in try fields["dates"].entries() {
            guard name.range(of: #"^[a-z][a-z0-9-]*$"#, options: .regularExpression) != nil else {
                throw value.error("date names are lower-case words joined by '-', not '\(name)'")
            }
            dates[name] = try value.date()
        }
        return .init(name: try fields["name"].string(), vendor: try fields["vendor"].string(), dates: dates)
    }

    private static func loadSignatures(_ yaml: StrictYAML, product: String) throws -> ProductSignatures {
        let top = try yaml.fields(required: ["installation", "company", "backup", "export"])
        let install = try top["installation"].fields(required: ["folders", "executables"],
                                                    optional: ["shortcuts", "version-info", "registry-names"])
        let company = try top["company"].fields(required: ["folders"], optional: ["markers"])
        let backup = try top["backup"].fields(required: ["names", "words"])
        let export = try top["export"].fields(required: ["clients", "products"])
        return ProductSignatures(
            product: product,
            installFolders: try install["folders"].strings(),
            executables: try install["executables"].strings(),
            shortcuts: try install.optional("shortcuts")?.strings() ?? [],
            versionInfo: try install.optional("version-info")?.strings() ?? [],
            registryNames: try install.optional("registry-names")?.strings() ?? [],
            companyFolders: try company["folders"].strings(),
            companyFolderMarkers: try company.optional("markers")?.strings() ?? [],
            backupNames: try backup["names"].strings(),
            backupWords: try backup["words"].strings(),
            clientListWords: try export["clients"].strings(),
            productListWords: try export["products"].strings()
        )
    }

    private static func loadRule(_ yaml: StrictYAML, pack: String, dates: [String]) throws -> Rule {
        let fields = try yaml.fields(
            required: ["id", "scope", "severity", "title", "message", "remediation", "when", "examples"],
            optional: ["references"]
        )
        let id = try identifier(fields["id"])
        let scope = try fields["scope"].choice(Subject.Kind.self)
        let facts = FactCatalog.facts(for: scope, dates: dates)
        let condition = try Condition.load(fields["when"], facts: facts)
        let message = try template(fields["message"])
        return Rule(
            id: id,
            fullID: "\(pack)/\(id)",
            scope: scope,
            severity: try fields["severity"].choice(Severity.self),
            title: try LocalizedText.load(fields["title"]),
            message: message,
            remediation: try template(fields["remediation"]),
            references: try fields.optional("references")?.strings() ?? [],
            condition: condition,
            examples: try loadExamples(fields["examples"], facts: facts)
        )
    }

    private static func loadExamples(_ yaml: StrictYAML, facts: [String: FactType]) throws -> [Rule.Example] {
        let fields = try yaml.fields(required: ["fires", "passes"])
        var examples: [Rule.Example] = []
        for (key, fires) in [("fires", true), ("passes", false)] {
            let cases = try fields[key].list()
            guard !cases.isEmpty else { throw fields[key].error("give at least one example that \(key == "fires" ? "fires" : "does not fire")") }
            for item in cases {
                var sheet: Facts = [:]
                for (name, value) in try item.entries() {
                    guard let type = facts[name] else {
                        throw value.error("unknown fact '\(name)'" + Spelling.hint(for: name, among: Array(facts.keys)))
                    }
                    sheet[name] = try FactValue.load(value, as: type, fact: name)
                }
                examples.append(.init(facts: sheet, fires: fires, origin: "\(item.file):\(item.line)"))
            }
        }
        return examples
    }

    private static func loadStep(_ yaml: StrictYAML, pack: String, dates: [String]) throws -> StepDefinition {
        let fields = try yaml.fields(required: ["id", "per", "title", "how-to", "done-when", "evidence"])
        let id = try identifier(fields["id"])
        let per = try fields["per"].choice(StepDefinition.Per.self)
        let facts = FactCatalog.facts(for: per == .company ? .company : .host, dates: dates)
        return StepDefinition(
            id: id,
            fullID: "\(pack)/\(id)",
            per: per,
            title: try LocalizedText.load(fields["title"]),
            howTo: try LocalizedText.load(fields["how-to"]),
            doneWhen: try Condition.load(fields["done-when"], facts: facts),
            evidence: try template(fields["evidence"])
        )
    }

    // MARK: - Helpers

    /// Loads a list whose items carry an `id`, refusing duplicates.
    private static func loadList<T>(_ yaml: StrictYAML, _ loadItem: (StrictYAML) throws -> T) throws -> [T] {
        var seen: [String: Int] = [:]
        return try yaml.list().map { item in
            if case let .mapping(mapping) = item.node, let idNode = mapping["id"], let id = idNode.string {
                if let first = seen[id] {
                    throw StrictYAML(node: idNode, file: item.file, keyPath: item.keyPath + ".id")
                        .error("duplicate id '\(id)' (first defined on line \(first))")
                }
                seen[id] = idNode.mark?.line ?? 0
            }
            return try loadItem(item)
        }
    }

    private static func identifier(_ yaml: StrictYAML) throws -> String {
        let text = try yaml.string()
        guard text.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil else {
            throw yaml.error("ids are lower-case letters, digits and '-', not '\(text)'")
        }
        return text
    }

    /// A localized text whose every language parses as a Mustache template.
    private static func template(_ yaml: StrictYAML) throws -> LocalizedText {
        let text = try LocalizedText.load(yaml)
        for language in Language.allCases {
            do {
                _ = try MustacheTemplate(string: text(language))
            } catch {
                throw yaml.error("the \(language.rawValue) text is not a valid template: \(error)")
            }
        }
        return text
    }
}

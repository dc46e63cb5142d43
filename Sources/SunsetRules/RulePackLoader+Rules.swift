import Mustache
import SunsetCore
import Yams

extension RulePackLoader {
    // MARK: - Rules

    /// One rule; without `full`, its examples and condition text are left unread and its
    /// templates unchecked (see `load(yaml:…judgingOnly:)`).
    static func loadRule(_ yaml: StrictYAML, pack: String, dates: [String: CalendarDay], full: Bool = true) throws -> Rule {
        let fields = try yaml.fields(
            required: ["id", "scope", "severity", "title", "when", "message", "remediation", "examples"],
            optional: ["references"]
        )
        let id = try identifier(fields["id"])
        let scope = try fields["scope"].choice(Subject.Kind.self)
        let catalog = FactCatalog.forScope(scope, dates: Array(dates.keys))
        let condition = try Condition.load(fields["when"], catalog: catalog)
        return Rule(
            id: id,
            fullID: "\(pack)/\(id)",
            scope: scope,
            severity: try fields["severity"].choice(Severity.self),
            title: try LocalizedText.load(fields["title"]),
            message: try template(fields["message"], catalog: catalog, checked: full),
            remediation: try template(fields["remediation"], catalog: catalog, checked: full),
            references: try fields.optional("references")?.strings() ?? [],
            condition: condition,
            conditionYAML: full ? (try? Yams.serialize(node: fields["when"].node, width: -1, allowUnicode: true)) ?? "" : "",
            examples: full ? try loadExamples(fields["examples"], product: pack, dates: dates) : []
        )
    }

    /// At least one inventory on which the rule fires and one on which it does not.
    private static func loadExamples(_ yaml: StrictYAML, product: String, dates: [String: CalendarDay]) throws -> [RuleExample] {
        let fields = try yaml.fields(required: ["fires", "passes"])
        var examples: [RuleExample] = []
        for (key, fires) in [("fires", true), ("passes", false)] {
            let cases = try fields[key].list()
            guard !cases.isEmpty else {
                throw fields[key].error("give at least one example inventory on which the rule \(fires ? "fires" : "does not fire")")
            }
            examples += try cases.map { try ExampleInventory.load($0, product: product, dates: dates, fires: fires) }
        }
        return examples
    }

    // MARK: - Checklist

    static func loadStep(_ yaml: StrictYAML, pack: String, dates: [String: CalendarDay], full: Bool = true) throws -> StepDefinition {
        let fields = try yaml.fields(required: ["id", "per", "title", "how-to", "done-when", "evidence"],
                                     optional: ["label", "date-from", "applies-when"])
        let id = try identifier(fields["id"])
        let per = try fields["per"].choice(StepDefinition.Per.self)
        let catalog = FactCatalog.forScope(per == .company ? .company : nil, dates: Array(dates.keys))
        var dateFrom: [String] = []
        if let list = fields.optional("date-from") {
            for node in try list.list() {
                let name = try node.string()
                guard catalog.type(of: name) == .date else {
                    let dates = catalog.values.filter { $0.value.type == .date }.keys.sorted()
                    throw node.error("'\(name)' is not a date fact here" + Spelling.hint(for: name, among: dates))
                }
                dateFrom.append(name)
            }
        }
        return StepDefinition(
            id: id,
            fullID: "\(pack)/\(id)",
            per: per,
            title: try LocalizedText.load(fields["title"]),
            label: try fields.optional("label").map(LocalizedText.load),
            dateFrom: dateFrom,
            howTo: try LocalizedText.load(fields["how-to"]),
            doneWhen: try Condition.load(fields["done-when"], catalog: catalog),
            appliesWhen: try fields.optional("applies-when").map { node in
                guard per == .company else { throw node.error("'applies-when' is for per-company steps only") }
                return try Condition.load(node, catalog: catalog)
            },
            evidence: try template(fields["evidence"], catalog: catalog, checked: full)
        )
    }

    // MARK: - Templates

    /// A localized text whose every language parses as a Mustache template that names only
    /// facts of `catalog` (so a typo cannot print as an empty string). Unless `checked` is
    /// false (a built-in pack read for judging only): then it is only read.
    static func template(_ yaml: StrictYAML, catalog: FactCatalog, checked: Bool = true) throws -> LocalizedText {
        let text = try LocalizedText.load(yaml)
        guard checked else { return text }
        let fields = try yaml.fields(required: Language.allCases.map(\.rawValue))
        let known = TemplateText.knownNames(catalog)
        for language in Language.allCases {
            let node = fields[language.rawValue]
            do {
                _ = try MustacheTemplate(string: text(language))
            } catch {
                throw node.error("the \(language.rawValue) text is not a valid template: \(error)")
            }
            let tags: [(sigil: String, name: String)]
            do {
                tags = try TemplateText.tags(text(language))
            } catch let problem as TemplateText.TemplateProblem {
                throw node.error(problem.text)
            }
            for tag in tags where tag.sigil != "/" && tag.name != "." && !known.contains(tag.name) {
                throw node.error("the \(language.rawValue) text names '{{\(tag.name)}}', which is not a fact here"
                                 + Spelling.hint(for: tag.name, among: known.sorted()))
            }
        }
        return text
    }
}

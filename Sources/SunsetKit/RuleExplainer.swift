import SunsetCore
import SunsetRules

/// `sunset rules explain ID`: a rule's title, what it checks in words, its condition as
/// written, its examples with what each gives, its message and its remedy.
struct RuleExplainer {
    let pack: RulePack
    let language: Language
    /// The OS tables the pack was loaded with, to judge its host examples alike.
    let osReleases: OSReleases

    private var fr: Bool { language == .fr }

    func explain(_ rule: Rule) -> String {
        let catalog = FactCatalog.forScope(rule.scope, dates: Array(pack.product.dates.keys))
        var lines = [
            "\(rule.fullID) — \(rule.title(language))",
            "",
            (fr ? "gravité : " : "severity: ") + rule.severity.rawValue + (fr ? "    portée : " : "    scope: ") + rule.scope.rawValue,
            "",
            fr ? "Ce qu'elle vérifie :" : "What it checks:",
            "  " + (fr ? "elle se déclenche pour chaque " : "it fires for each ") + scopeWord(rule.scope)
                + (fr ? " quand " : " when ") + ConditionText(catalog: catalog, language: language).describe(rule.condition) + ".",
            "",
            fr ? "Condition, telle qu'écrite :" : "Condition, as written:",
        ]
        lines += indented(rule.conditionYAML)
        lines += ["", fr ? "Message :" : "Message:", "  " + rule.message(language),
                  "", fr ? "Que faire :" : "What to do:", "  " + rule.remediation(language)]
        let runner = ExampleRunner(osReleases: osReleases)
        for fires in [true, false] {
            lines += ["", fires ? (fr ? "Exemples où elle se déclenche :" : "Examples on which it fires:")
                                : (fr ? "Exemples où elle reste muette :" : "Examples on which it stays silent:")]
            for example in rule.examples where example.fires == fires {
                let found = runner.findings(example, of: rule, in: pack)
                let verdict = found.isEmpty ? (fr ? "aucun constat" : "no finding")
                                            : found.map { ($0.subject.kind.rawValue) + " " + $0.subject.name }.joined(separator: ", ")
                lines += indented(example.yaml, bullet: true)
                lines.append("    → " + verdict)
            }
        }
        if !rule.references.isEmpty {
            lines += ["", fr ? "Références :" : "References:"] + rule.references.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func scopeWord(_ scope: Subject.Kind) -> String {
        guard fr else { return scope.rawValue }
        switch scope {
        case .host: return "hôte"
        case .installation: return "installation"
        case .company: return "société"
        case .file: return "fichier"
        case .program: return "programme"
        }
    }

    /// YAML text indented under a heading, optionally as a list item.
    private func indented(_ yaml: String, bullet: Bool = false) -> [String] {
        let rows = yaml.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        return rows.enumerated().map { index, row in
            bullet ? (index == 0 ? "  - " : "    ") + row : "  " + row
        }
    }
}

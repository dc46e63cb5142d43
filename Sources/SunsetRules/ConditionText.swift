/// A condition in words, for `sunset rules explain`: each fact by its meaning from the
/// catalog (with its name in brackets), each operator as words.
public struct ConditionText {
    let catalog: FactCatalog
    let language: Language

    /// A describer for conditions checked against `catalog`.
    public init(catalog: FactCatalog, language: Language) {
        self.catalog = catalog
        self.language = language
    }

    /// The whole condition as one sentence fragment.
    public func describe(_ condition: Condition) -> String {
        let fr = language == .fr
        switch condition {
        case let .all(parts): return parts.map(nested).joined(separator: fr ? " et " : " and ")
        case let .any(parts): return parts.map(nested).joined(separator: fr ? " ou " : " or ")
        case let .not(part): return (fr ? "non " : "not ") + nested(part)
        case let .exists(expression, known):
            let state = fr ? (known ? "est connu(e)" : "est inconnu(e)") : (known ? "is known" : "is unknown")
            return "\(describe(expression)) \(state)"
        case let .compare(.fact(name), op, .literal(.flag(value))) where [.eq, .ne].contains(op):
            // A yes/no fact reads as a statement: "the backup passed its content checks".
            let affirmed = (op == .eq) == value
            guard !affirmed else { return fact(name) }
            let statement = fact(name)
            let elided = "aeiouéèêh".contains(statement.first.map { Character($0.lowercased()) } ?? "x")
            return fr ? (elided ? "il est faux qu'" : "il est faux que ") + statement : "it is not so that " + statement
        case let .compare(lhs, op, rhs):
            return "\(describe(lhs)) \(words(op)) \(describe(rhs))"
        }
    }

    /// One expression in words.
    public func describe(_ expression: Expression) -> String {
        let fr = language == .fr
        switch expression {
        case let .literal(value): return value.description
        case let .fact(name): return fact(name)
        case let .daysSince(name): return (fr ? "les jours écoulés depuis " : "the days since ") + fact(name)
        case let .daysUntil(name): return (fr ? "les jours restant jusqu'à " : "the days until ") + fact(name)
        case let .daysBetween(from, to):
            return fr ? "les jours entre \(fact(from)) et \(fact(to))" : "the days from \(fact(from)) to \(fact(to))"
        case let .count(name, filter):
            let meaning = catalog.collections[name]?.meaning(language) ?? name
            var text = (fr ? "le nombre d'éléments parmi " : "the number of ") + "\(meaning) [\(name)]"
            if let filter, let items = catalog.collections[name]?.items {
                let inner = ConditionText(catalog: catalog.including(items), language: language)
                text += (fr ? " tels que " : " where ") + "(\(inner.describe(filter)))"
            }
            return text
        }
    }

    private func fact(_ name: String) -> String {
        guard let meaning = catalog.values[name]?.meaning(language) else { return name }
        return "\(meaning) [\(name)]"
    }

    private func words(_ op: Condition.Operator) -> String {
        switch (op, language) {
        case (.eq, .en): return "is"
        case (.ne, .en): return "is not"
        case (.lt, .en): return "is less than"
        case (.le, .en): return "is at most"
        case (.gt, .en): return "is more than"
        case (.ge, .en): return "is at least"
        case (.eq, .fr): return "vaut"
        case (.ne, .fr): return "ne vaut pas"
        case (.lt, .fr): return "est inférieur à"
        case (.le, .fr): return "vaut au plus"
        case (.gt, .fr): return "est supérieur à"
        case (.ge, .fr): return "vaut au moins"
        }
    }

    private func nested(_ condition: Condition) -> String {
        switch condition {
        case .all, .any: return "(" + describe(condition) + ")"
        default: return describe(condition)
        }
    }
}

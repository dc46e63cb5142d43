import SunsetCore

/// Reading conditions from YAML, with every name and type checked against a catalog:
///
///     all: [ … ]  |  any: [ … ]  |  not: { … }
///     {fact: NAME, gt: 0}                      {days-since: DATE-FACT, gt: 7}
///     {days-until: DATE-FACT, le: {fact: warn-within}}
///     {days-between: [DATE-FACT, DATE-FACT], gt: 7}
///     {count: COLLECTION, where: { … }, eq: 0}  {fact: NAME, exists: false}
extension Condition {
    static let combinators = ["all", "any", "not"]
    static let expressionKeys = ["fact", "days-since", "days-until", "days-between", "count"]
    static let operatorKeys = Operator.allCases.map(\.rawValue) + ["exists"]

    /// Reads a condition, checking every fact name and operand type against `catalog`.
    static func load(_ yaml: StrictYAML, catalog: FactCatalog) throws -> Condition {
        let entries = try yaml.entries()
        if let first = entries.first, combinators.contains(first.key) {
            guard entries.count == 1 else { throw yaml.error("'\(first.key)' must stand alone in its mapping") }
            let value = first.value
            if first.key == "not" { return .not(try load(value, catalog: catalog)) }
            let parts = try value.list().map { try load($0, catalog: catalog) }
            guard !parts.isEmpty else { throw value.error("'\(first.key)' needs at least one condition") }
            return first.key == "all" ? .all(parts) : .any(parts)
        }
        let fields = try yaml.fields(required: [], optional: expressionKeys + ["where"] + operatorKeys + combinators)
        if let key = combinators.first(where: { fields.optional($0) != nil }) {
            throw yaml.error("'\(key)' must stand alone in its mapping")
        }
        let (lhs, type) = try Expression.load(fields, in: yaml, catalog: catalog)
        let ops = operatorKeys.filter { fields.optional($0) != nil }
        guard ops.count == 1, let opName = ops.first, let operand = fields.optional(opName) else {
            throw yaml.error("a comparison needs exactly one of \(operatorKeys.joined(separator: ", "))")
        }
        if opName == "exists" { return .exists(lhs, try operand.bool()) }
        let op = Operator(rawValue: opName)!
        if op.needsOrder && ![.number, .date].contains(type) {
            throw operand.error("'\(opName)' compares numbers or dates, but \(lhs.label) is \(type.rawValue)")
        }
        let rhs: Expression
        if case .mapping = operand.node {
            let rhsFields = try operand.fields(required: [], optional: expressionKeys + ["where"])
            let (expression, rhsType) = try Expression.load(rhsFields, in: operand, catalog: catalog)
            guard rhsType == type else {
                throw operand.error("\(lhs.label) is \(type.rawValue), but \(expression.label) is \(rhsType.rawValue)")
            }
            rhs = expression
        } else {
            rhs = .literal(try FactValue.load(operand, as: type, for: lhs.label))
        }
        return .compare(lhs, op, rhs)
    }
}

extension Expression {
    /// Reads the one expression key of a comparison mapping and returns it with its type.
    static func load(_ fields: StrictYAML.Fields, in yaml: StrictYAML, catalog: FactCatalog) throws -> (Expression, FactType) {
        let keys = Condition.expressionKeys.filter { fields.optional($0) != nil }
        guard keys.count == 1, let key = keys.first, let node = fields.optional(key) else {
            throw yaml.error("a comparison needs exactly one of \(Condition.expressionKeys.joined(separator: ", "))")
        }
        if key != "count", let whereNode = fields.optional("where") {
            throw whereNode.error("'where' filters a 'count' only")
        }
        switch key {
        case "fact":
            let name = try node.string()
            return (.fact(name), try valueType(name, node, catalog))
        case "days-since", "days-until":
            let name = try dateFact(node, catalog, key)
            return (key == "days-since" ? .daysSince(name) : .daysUntil(name), .number)
        case "days-between":
            let items = try node.list()
            guard items.count == 2 else { throw node.error("'days-between' takes two date facts: [from, to]") }
            return (.daysBetween(try dateFact(items[0], catalog, key), try dateFact(items[1], catalog, key)), .number)
        default:
            let name = try node.string()
            guard let collection = catalog.collections[name] else {
                let hint = Spelling.hint(for: name, among: Array(catalog.collections.keys))
                throw node.error("unknown collection '\(name)'" + hint + "; 'count' counts one of \(catalog.collections.keys.sorted().joined(separator: ", "))")
            }
            let filter = try fields.optional("where").map { try Condition.load($0, catalog: catalog.including(collection.items)) }
            return (.count(name, where: filter), .number)
        }
    }

    private static func valueType(_ name: String, _ node: StrictYAML, _ catalog: FactCatalog) throws -> FactType {
        if let type = catalog.type(of: name) { return type }
        if catalog.collections[name] != nil {
            throw node.error("'\(name)' is a collection; compare its size with {count: \(name), …}")
        }
        throw node.error("unknown fact '\(name)'" + Spelling.hint(for: name, among: catalog.names))
    }

    private static func dateFact(_ node: StrictYAML, _ catalog: FactCatalog, _ key: String) throws -> String {
        let name = try node.string()
        let type = try valueType(name, node, catalog)
        guard type == .date else { throw node.error("'\(key)' needs a date fact, but '\(name)' is \(type.rawValue)") }
        return name
    }

    /// How the expression is named in error messages.
    var label: String {
        switch self {
        case let .literal(value): return "'\(value)'"
        case let .fact(name): return "'\(name)'"
        case let .daysSince(name): return "'days-since \(name)'"
        case let .daysUntil(name): return "'days-until \(name)'"
        case let .daysBetween(from, to): return "'days-between \(from) and \(to)'"
        case let .count(name, _): return "'count \(name)'"
        }
    }
}

extension FactValue {
    /// Reads a literal of the given type, with an error naming what it is compared with.
    static func load(_ yaml: StrictYAML, as type: FactType, for label: String) throws -> FactValue {
        do {
            switch type {
            case .number: return .number(try yaml.int())
            case .text: return .text(try yaml.string())
            case .flag: return .flag(try yaml.bool())
            case .date: return .date(try yaml.date())
            }
        } catch {
            throw yaml.error("\(label) is \(type.rawValue), so \(yaml.describeScalar) does not fit")
        }
    }
}

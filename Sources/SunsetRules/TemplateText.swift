import Foundation
import Mustache
import SunsetCore

/// Renders a pack's message templates over a subject's facts. Dotted fact names become
/// nested keys, so `{{company.name}}` works; every date fact `X` also offers
/// `{{days-since.X}}` and `{{days-until.X}}`. Output is plain text; each reporter escapes
/// it for its own format.
///
/// Counts are pluralised with the `plural` section:
/// `{{#plural}}{{days-until.X}}|# day left|# days left{{/plural}}` renders its content, reads
/// the count before the first `|`, picks the singular or plural form by the language's rule
/// and puts the count where `#` stands.
enum TemplateText {
    static func render(_ template: String, facts: Facts, language: Language = .en) -> String {
        guard let parsed = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template) else {
            return template  // the loader has already parsed every template; this cannot fail
        }
        var root = context(facts, language: language)
        let values = root
        root[pluralName] = MustacheLambda { (text: String) -> Any? in
            Plain(text: plural(text, context: values, language: language))
        }
        return parsed.render(root)
    }

    /// The name of the pluralising section.
    static let pluralName = "plural"

    /// `count|singular|plural` (after rendering over `context`) → the form for the count,
    /// with `#` replaced by it. Content that does not have that shape is returned as written.
    static func plural(_ text: String, context: [String: Any], language: Language) -> String {
        let rendered = (try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text))?.render(context) ?? text
        let parts = rendered.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let count = Int(parts[0].trimmingCharacters(in: .whitespaces)) else { return rendered }
        return (language.takesSingular(count) ? parts[1] : parts[2]).replacingOccurrences(of: "#", with: String(count))
    }

    /// Text a lambda hands back that Mustache must print as it is: a `String` would be parsed
    /// again as a template, and a scanned name holding `{{` would then be read as a tag.
    struct Plain: CustomStringConvertible {
        var text: String
        var description: String { text }
    }

    /// Nests `a.b.c = v` as `["a": ["b": ["c": v]]]`, with the day counts of every date.
    /// Dates are written as the language writes them inside a sentence (ISO 8601 in English,
    /// "28 novembre 2026" in French, where an ISO date reads as a foreign body).
    static func context(_ facts: Facts, language: Language = .en) -> [String: Any] {
        var root: [String: Any] = [:]
        for (name, value) in facts.values {
            if case let .date(day) = value {
                insert(language.sentenceDate(day), at: path(name), into: &root)
            } else {
                insert(value.templateValue, at: path(name), into: &root)
            }
            if case let .date(day) = value, let asOf = facts.asOf, name != "as-of" {
                insert(asOf.days(since: day), at: path("days-since." + name), into: &root)
                insert(day.days(since: asOf), at: path("days-until." + name), into: &root)
            }
        }
        return root
    }

    /// The names a template may use, given the facts of its scope.
    static func knownNames(_ catalog: FactCatalog) -> Set<String> {
        var names = Set(catalog.values.keys)
        names.insert(pluralName)
        for (name, entry) in catalog.values where entry.type == .date && name != "as-of" {
            names.insert("days-since." + name)
            names.insert("days-until." + name)
        }
        return names
    }

    /// Every tag of a template as (sigil, name): `{{#a}}` gives ("#", "a"). Partials,
    /// delimiter changes and pragmas are refused: pack texts are plain templates over facts.
    static func tags(_ template: String) throws -> [(sigil: String, name: String)] {
        // A hand-written scan for `{{ sigil name }}` (and `{{{ name }}}`): every pack text
        // goes through here when a pack loads, and a regular expression made loading the
        // built-in packs the slowest part of starting up.
        var found: [(sigil: String, name: String)] = []
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            var cursor = open.upperBound
            if cursor < rest.endIndex, rest[cursor] == "{" { cursor = rest.index(after: cursor) }
            while cursor < rest.endIndex, rest[cursor].isWhitespace { cursor = rest.index(after: cursor) }
            var sigil = ""
            if cursor < rest.endIndex, "#^/&!>=%".contains(rest[cursor]) {
                sigil = String(rest[cursor])
                cursor = rest.index(after: cursor)
            }
            guard let close = rest[cursor...].firstIndex(of: "}"), rest[close...].hasPrefix("}}") else {
                rest = rest[open.upperBound...]
                continue
            }
            let name = rest[cursor..<close].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(close, offsetBy: rest[close...].hasPrefix("}}}") ? 3 : 2)...]
            switch sigil {
            case "!": continue
            case ">", "=", "%": throw TemplateProblem(text: "'{{\(sigil)…}}' is not allowed in pack texts")
            default: found.append((sigil, name))
            }
        }
        return found
    }

    /// Why a template was refused.
    struct TemplateProblem: Error { var text: String }

    private static func path(_ name: String) -> ArraySlice<String> { name.split(separator: ".").map(String.init)[...] }

    private static func insert(_ value: Any, at path: ArraySlice<String>, into node: inout [String: Any]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            node[head] = value
            return
        }
        var child = node[head] as? [String: Any] ?? [:]
        insert(value, at: path.dropFirst(), into: &child)
        node[head] = child
    }
}

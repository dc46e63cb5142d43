import Foundation

/// endoflife.date's templates, expanded the way its site does for one release: first the
/// `__NAME__` placeholders from the release's own fields, then the small part of Liquid the
/// data uses (`{{ 'text' | replace: 'a', 'b' }}` and `{% if 'a' == 'b' %}…{% else %}…{% endif %}`).
/// Anything else is an error naming the file and line, so no template ever reaches a pack.
enum EndOfLifeTemplate {
    /// The fields of one release a template may name.
    struct Fields {
        var cycle: String
        var codename: String?
        var latest: String?
        var latestReleaseDate: String?
        var releaseDate: String?

        /// The value of a placeholder's field; `.some(nil)` when the release lacks it, nil when
        /// the placeholder is not one the importer knows.
        func value(of placeholder: String) -> String?? {
            switch placeholder {
            case "RELEASE_CYCLE": return .some(cycle)
            case "CODENAME": return .some(codename)
            case "LATEST": return .some(latest)
            case "LATEST_RELEASE_DATE": return .some(latestReleaseDate)
            case "RELEASE_DATE": return .some(releaseDate)
            default: return nil
            }
        }

        static let known = ["__RELEASE_CYCLE__", "__CODENAME__", "__LATEST__", "__LATEST_RELEASE_DATE__", "__RELEASE_DATE__"]
    }

    /// What the expanded text is for: a label drops what a missing field would have filled;
    /// a link that needs a missing field is no link at all (rather than a broken one).
    enum Use { case label, link }

    /// The template written at `node`, expanded for one release; nil for a link that needs a
    /// field the release lacks, or a label that comes out empty.
    static func expand(_ node: StrictYAML, _ fields: Fields, as use: Use) throws -> String? {
        let template = try EndOfLifeSource.scalar(node).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let substituted = try substitute(template, fields, as: use, at: node) else { return nil }
        var text = try Liquid.render(substituted, at: node)
        if use == .label { text = tidy(text) }
        return text.isEmpty ? nil : text
    }

    // MARK: - Placeholders

    private static func substitute(_ template: String, _ fields: Fields, as use: Use, at node: StrictYAML) throws -> String? {
        var text = template
        for found in template.matches(of: #/__([A-Z]+(?:_[A-Z]+)*)__/#) {
            let name = String(found.output.1)
            guard let value = fields.value(of: name) else {
                throw node.error("unknown placeholder \(found.output.0) (the importer fills \(Fields.known.joined(separator: ", ")))")
            }
            if let value {
                text = text.replacingOccurrences(of: "__\(name)__", with: value)
            } else if use == .link {
                return nil
            } else {
                // The site would leave "2022 ''": drop the placeholder with its quotes or brackets.
                for wrapped in ["'__\(name)__'", "\"__\(name)__\"", "(__\(name)__)", "__\(name)__"] {
                    text = text.replacingOccurrences(of: wrapped, with: "")
                }
            }
        }
        return text
    }

    /// A label without the doubled spaces and dangling separators a dropped field leaves.
    private static func tidy(_ label: String) -> String {
        var text = label
        while text.contains("  ") { text = text.replacingOccurrences(of: "  ", with: " ") }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: " -–:,/"))
    }
}

// MARK: - Liquid

extension EndOfLifeTemplate {
    /// The few Liquid forms endoflife.date's templates use, over literal strings only.
    enum Liquid {
        static let supported = "{{ 'text' | replace: 'a', 'b' }} and {% if 'a' == 'b' %}…{% else %}…{% endif %}"

        static func render(_ text: String, at node: StrictYAML) throws -> String {
            func unsupported(_ what: String) -> RulePackError {
                node.error("unsupported Liquid in a template: \(what); the importer reads only \(supported)")
            }
            // Each open `if`: whether its enclosing text is output, its condition, and whether
            // its `else` has been seen.
            var open: [(outer: Bool, condition: Bool, inElse: Bool)] = []
            var active: Bool {
                guard let top = open.last else { return true }
                return top.outer && (top.inElse ? !top.condition : top.condition)
            }
            var output = ""
            var rest = Substring(text)
            while !rest.isEmpty {
                guard let start = rest.firstRange(of: #/\{\{|\{%/#) else {
                    if rest.contains("}}") || rest.contains("%}") { throw unsupported("'}}' or '%}' without its opening") }
                    if active { output += rest }
                    break
                }
                let before = rest[..<start.lowerBound]
                if before.contains("}}") || before.contains("%}") { throw unsupported("'}}' or '%}' without its opening") }
                if active { output += before }
                let isTag = rest[start] == "{%"
                let close = isTag ? "%}" : "}}"
                guard let end = rest[start.upperBound...].firstRange(of: close) else {
                    throw unsupported("'\(rest[start])' without '\(close)'")
                }
                let inside = String(rest[start.upperBound..<end.lowerBound])
                rest = rest[end.upperBound...]
                var words = try Tokens(inside, unsupported: unsupported)
                if !isTag {
                    let value = try words.expression()
                    if active { output += value }
                    continue
                }
                switch try words.word() {
                case "if":
                    let left = try words.literal()
                    let equal = try words.comparison()
                    let right = try words.literal()
                    try words.end()
                    open.append((outer: active, condition: (left == right) == equal, inElse: false))
                case "else":
                    try words.end()
                    guard let top = open.popLast(), !top.inElse else { throw unsupported("'else' without 'if'") }
                    open.append((outer: top.outer, condition: top.condition, inElse: true))
                case "endif":
                    try words.end()
                    guard open.popLast() != nil else { throw unsupported("'endif' without 'if'") }
                case let other:
                    throw unsupported("the tag '\(other)'")
                }
            }
            guard open.isEmpty else { throw unsupported("'if' without 'endif'") }
            return output
        }
    }

    /// The words inside one `{{ }}` or `{% %}`: names, quoted strings and `| : , == !=`.
    private struct Tokens {
        var items: [String]
        var position = 0
        let unsupported: (String) -> RulePackError

        init(_ text: String, unsupported: @escaping (String) -> RulePackError) throws {
            self.unsupported = unsupported
            items = []
            var rest = Substring(text)
            while let first = rest.first {
                if first.isWhitespace {
                    rest = rest.dropFirst()
                } else if first == "'" || first == "\"" {
                    guard let end = rest.dropFirst().firstIndex(of: first) else { throw unsupported("an unclosed string in '\(text)'") }
                    items.append(String(rest[...end]))
                    rest = rest[rest.index(after: end)...]
                } else if rest.hasPrefix("==") || rest.hasPrefix("!=") {
                    items.append(String(rest.prefix(2)))
                    rest = rest.dropFirst(2)
                } else if "|:,".contains(first) {
                    items.append(String(first))
                    rest = rest.dropFirst()
                } else if first.isLetter || first == "_" {
                    let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                    items.append(String(name))
                    rest = rest.dropFirst(name.count)
                } else {
                    throw unsupported("'\(first)' in '\(text)'")
                }
            }
        }

        private mutating func next(_ what: String) throws -> String {
            guard position < items.count else { throw unsupported("\(what) missing") }
            defer { position += 1 }
            return items[position]
        }

        /// A name (a tag or a filter).
        mutating func word() throws -> String {
            let item = try next("a tag name")
            guard let first = item.first, first.isLetter || first == "_" else { throw unsupported("'\(item)' where a name was expected") }
            return item
        }

        /// A quoted string's text; variables are not supported (templates name fields by placeholder).
        mutating func literal() throws -> String {
            let item = try next("a quoted string")
            guard let first = item.first, first == "'" || first == "\"" else { throw unsupported("the variable '\(item)'") }
            return String(item.dropFirst().dropLast())
        }

        /// True for `==`, false for `!=`.
        mutating func comparison() throws -> Bool {
            let item = try next("'==' or '!='")
            guard item == "==" || item == "!=" else { throw unsupported("the operator '\(item)'") }
            return item == "=="
        }

        mutating func expect(_ symbol: String) throws {
            let item = try next("'\(symbol)'")
            guard item == symbol else { throw unsupported("'\(item)' where '\(symbol)' was expected") }
        }

        mutating func end() throws {
            guard position == items.count else { throw unsupported("'\(items[position...].joined(separator: " "))'") }
        }

        /// A quoted string and its filters: only `replace: 'a', 'b'`.
        mutating func expression() throws -> String {
            var value = try literal()
            while position < items.count {
                try expect("|")
                let filter = try word()
                guard filter == "replace" else { throw unsupported("the filter '\(filter)'") }
                try expect(":")
                let old = try literal()
                try expect(",")
                let new = try literal()
                guard !old.isEmpty else { throw unsupported("'replace' with an empty text to replace") }
                value = value.replacingOccurrences(of: old, with: new)
            }
            return value
        }
    }
}

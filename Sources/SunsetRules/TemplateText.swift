import Mustache

/// Renders a pack's message templates over a subject's facts. Dotted fact names become
/// nested keys, so `{{company.name}}` and `{{days-since.support-end}}` both work.
/// Output is plain text; each reporter escapes it for its own format.
enum TemplateText {
    static func render(_ template: String, facts: Facts) -> String {
        guard let parsed = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template) else {
            return template  // the loader has already parsed every template; this cannot fail
        }
        return parsed.render(context(facts))
    }

    /// Nests `a.b.c = v` as `["a": ["b": ["c": v]]]`.
    static func context(_ facts: Facts) -> [String: Any] {
        var root: [String: Any] = [:]
        for (name, value) in facts {
            insert(value.templateValue, at: name.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

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

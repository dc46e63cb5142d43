import Foundation
import SunsetCore

/// One endoflife.date product file (`products/<id>.md` front matter, or the snapshot's
/// `<id>.yaml`), read for what Sunset imports. Keys Sunset does not use are ignored; the keys
/// it uses must have the right type, or the error names the file and line. A YAML null (`null`,
/// `~` or nothing) is an absent value, whatever the key; `link: null` also means "no link", not
/// the product's changelog link. Labels and links are expanded as the site expands them
/// (`EndOfLifeTemplate`): a release's own `releaseLabel`, else the product's; its own `link`,
/// else the product's `changelogTemplate`.
struct EndOfLifeSource {
    var id: String
    var title: String
    var permalink: String?
    var cycles: [LifecycleCycle]

    /// Reads the file's text; front matter between `---` lines is taken when present.
    static func load(_ text: String, file: String, id: String) throws -> EndOfLifeSource {
        var body = text
        if text.hasPrefix("---\n"), let end = text.range(of: "\n---", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) {
            body = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound])
            body = "\n" + body  // keeps line numbers: the opening `---` was line 1
        }
        let top = try StrictYAML.parse(body, file: file)
        let entries = try values(of: top)
        guard let title = entries["title"] else { throw top.error("missing required key 'title'") }
        guard let releases = entries["releases"] else { throw top.error("missing required key 'releases'") }
        let productLabel = entries["releaseLabel"]
        let changelog = entries["changelogTemplate"]
        let cycles = try releases.list().map { item -> LifecycleCycle in
            let written = try item.entries()
            let fields = try values(of: item)
            guard let cycle = fields["releaseCycle"] else { throw item.error("missing required key 'releaseCycle'") }
            let released = try fields["releaseDate"]?.date()
            let template = EndOfLifeTemplate.Fields(
                cycle: try scalar(cycle), codename: try fields["codename"].map(scalar), latest: try fields["latest"].map(scalar),
                latestReleaseDate: try fields["latestReleaseDate"]?.date().description, releaseDate: released?.description
            )
            var link: String?
            if let own = fields["link"] {
                link = try EndOfLifeTemplate.expand(own, template, as: .link)
            } else if !written.contains(where: { $0.key == "link" }), let changelog {  // `link: null`: no link at all
                link = try EndOfLifeTemplate.expand(changelog, template, as: .link)
            }
            return LifecycleCycle(
                cycle: template.cycle,
                label: try (fields["releaseLabel"] ?? productLabel).flatMap { try EndOfLifeTemplate.expand($0, template, as: .label) },
                released: released,
                activeSupportEnd: try fields["eoas"].map(LifecycleFile.supportEnd),
                securitySupportEnd: try fields["eol"].map(LifecycleFile.supportEnd),
                extendedSupportEnd: try fields["eoes"].map(LifecycleFile.supportEnd),
                latest: template.latest, link: link,
                lts: try fields["lts"].map { try LifecycleFile.supportEnd($0) == .ended } ?? false
            )
        }
        guard !cycles.isEmpty else { throw releases.error("the list of releases is empty") }
        return EndOfLifeSource(id: id, title: try scalar(title), permalink: try entries["permalink"].map(scalar), cycles: cycles)
    }

    /// A mapping's values by key, without those that are YAML nulls.
    private static func values(of yaml: StrictYAML) throws -> [String: StrictYAML] {
        Dictionary(try yaml.entries().filter { !isNull($0.value) }.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// True for a plain `null`, `Null`, `NULL`, `~` or empty value: YAML's null, in every spelling.
    static func isNull(_ yaml: StrictYAML) -> Bool {
        guard case let .scalar(value) = yaml.node, value.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(value.string)
    }

    /// A scalar's text, whether YAML reads it as a string or a number (`latest: 10.0.19045`).
    static func scalar(_ yaml: StrictYAML) throws -> String {
        guard case let .scalar(value) = yaml.node, !value.string.isEmpty else { throw yaml.error("expected text, found \(yaml.describeScalar)") }
        return value.string
    }
}

import Foundation
import SunsetCore

/// One endoflife.date product file (`products/<id>.md` front matter, or the snapshot's
/// `<id>.yaml`), read for what Sunset imports. Keys Sunset does not use are ignored; the keys
/// it uses must have the right type, or the error names the file and line.
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
        let entries = Dictionary(try top.entries().map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let title = entries["title"] else { throw top.error("missing required key 'title'") }
        guard let releases = entries["releases"] else { throw top.error("missing required key 'releases'") }
        let cycles = try releases.list().map { item -> LifecycleCycle in
            let fields = Dictionary(try item.entries().map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            guard let cycle = fields["releaseCycle"] else { throw item.error("missing required key 'releaseCycle'") }
            return LifecycleCycle(
                cycle: try scalar(cycle), label: try fields["releaseLabel"].map(scalar),
                released: try fields["releaseDate"]?.date(),
                activeSupportEnd: try fields["eoas"].map(LifecycleFile.supportEnd),
                securitySupportEnd: try fields["eol"].map(LifecycleFile.supportEnd),
                extendedSupportEnd: try fields["eoes"].map(LifecycleFile.supportEnd),
                latest: try fields["latest"].map(scalar), link: try fields["link"].map(scalar),
                lts: try fields["lts"].map { try LifecycleFile.supportEnd($0) == .ended } ?? false
            )
        }
        guard !cycles.isEmpty else { throw releases.error("the list of releases is empty") }
        return EndOfLifeSource(id: id, title: try scalar(title), permalink: try entries["permalink"].map(scalar), cycles: cycles)
    }

    /// A scalar's text, whether YAML reads it as a string or a number (`latest: 10.0.19045`).
    static func scalar(_ yaml: StrictYAML) throws -> String {
        guard case let .scalar(value) = yaml.node, !value.string.isEmpty else { throw yaml.error("expected text, found \(yaml.describeScalar)") }
        return value.string
    }
}

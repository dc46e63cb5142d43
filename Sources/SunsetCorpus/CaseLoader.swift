import Foundation
import SunsetCore
import SunsetRules

/// Reads case files strictly: an unknown key, a missing one, a bad date or a content
/// kind that does not exist stops the load with the file, line and key path.
public enum CaseLoader {
    /// Every `*.yaml` case in a folder, sorted by name.
    public static func cases(in folder: URL) throws -> [CorpusCase] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw CorpusError.unreadable(file: folder.path, reason: error.localizedDescription)
        }
        let files = names.filter { $0.hasSuffix(".yaml") }.sorted()
        guard !files.isEmpty else { throw CorpusError.noCases(folder: folder.path) }
        return try files.map { try load(folder.appendingPathComponent($0)) }
    }

    /// One case file.
    public static func load(_ url: URL) throws -> CorpusCase {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CorpusError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        return try parse(text, file: url.path, folder: url.deletingLastPathComponent())
    }

    /// A case from its text; `folder` is where `copy:` paths start.
    public static func parse(_ text: String, file: String, folder: URL) throws -> CorpusCase {
        do {
            return try strictParse(text, file: file, folder: folder)
        } catch let error as RulePackError {
            throw CorpusError(error)
        }
    }

    /// Read through the rule stage's strict YAML reader, which names the file, line and key
    /// path of every problem (and suggests the key meant).
    private static func strictParse(_ text: String, file: String, folder: URL) throws -> CorpusCase {
        let top = try StrictYAML.parse(text, file: file).fields(required: ["description", "as-of", "layout", "expected"],
                                                              optional: ["pack"])
        let asOfNode = top["as-of"]
        let asOf = try asOfNode.date()
        let roots = try top["layout"].list().map { try root($0, folder: folder) }
        guard !roots.isEmpty else { throw top["layout"].error("a case needs at least one root") }
        let labels = roots.map(\.name)
        guard Set(labels).count == labels.count else { throw top["layout"].error("two roots have the same name") }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return CorpusCase(name: name, file: file, description: try top["description"].string(), asOf: asOf,
                          pack: try top.optional("pack")?.string() ?? "invoice2go-classic", roots: roots,
                          expected: try ExpectationLoader.expected(top["expected"]))
    }

    // MARK: - Layout

    private static func root(_ node: StrictYAML, folder: URL) throws -> CorpusCase.Root {
        let fields = try node.fields(required: ["root"], optional: ["files", "folders"])
        let name = try fields["root"].string()
        guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
            throw fields["root"].error("a root's name is one folder name")
        }
        let files = try fields.optional("files")?.list().map { try file($0, folder: folder) } ?? []
        return CorpusCase.Root(name: name, files: files, folders: try fields.optional("folders")?.strings(allowEmpty: true) ?? [])
    }

    private static let contentKeys = ["sample", "text", "copy", "zip"]

    private static func file(_ node: StrictYAML, folder: URL) throws -> CorpusCase.File {
        let fields = try node.fields(required: ["path", "days-ago"], optional: contentKeys + ["truncated"])
        return CorpusCase.File(path: try relativePath(fields["path"]), content: try content(fields, in: node, folder: folder),
                               daysAgo: try fields["days-ago"].int(), truncated: try fields.optional("truncated")?.bool() ?? false)
    }

    private static func relativePath(_ node: StrictYAML) throws -> String {
        let path = try node.string()
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw node.error("a path is relative to its root and stays inside it")
        }
        return path
    }

    private static func content(_ fields: StrictYAML.Fields, in node: StrictYAML, folder: URL,
                                allowZip: Bool = true) throws -> CorpusCase.Content {
        let given = contentKeys.filter { fields.optional($0) != nil }
        guard given.count == 1 else { throw node.error("give exactly one of sample, text, copy, zip") }
        let value = fields[given[0]]
        switch given[0] {
        case "sample":
            let name = try value.string()
            guard let kind = SampleKind(rawValue: name) else {
                throw value.error("unknown sample '\(name)'; choose from \(SampleKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .sample(kind)
        case "text": return .text(try value.string())
        case "copy": return .copy(folder.appendingPathComponent(try value.string()))
        default:
            guard allowZip else { throw value.error("a zip entry cannot itself be a zip here") }
            return .zip(try value.list().map { try entry($0, folder: folder) })
        }
    }

    private static func entry(_ node: StrictYAML, folder: URL) throws -> CorpusCase.Entry {
        let fields = try node.fields(required: ["name"], optional: contentKeys + ["days-ago"])
        return CorpusCase.Entry(name: try fields["name"].string(),
                                content: try content(fields, in: node, folder: folder, allowZip: false),
                                daysAgo: try fields.optional("days-ago")?.int())
    }
}

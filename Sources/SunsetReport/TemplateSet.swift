import Foundation
import Mustache
import SunsetRules
import Yams

/// The report templates and their translated labels: built in from `Reports/`, or read from
/// a folder given with `--templates` (files there replace the built-in ones by name).
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Label key → language → text, from `strings.yaml`.
    let strings: [String: [String: String]]

    /// The built-in templates.
    public static func builtIn() throws -> TemplateSet {
        try TemplateSet(overrides: nil)
    }

    /// Built-in templates, with those found in `folder` taking their place. A `strings.yaml`
    /// there replaces labels key by key, so it may hold only the labels it changes.
    public init(overrides folder: String?) throws {
        ContentTypes.registerOnce()
        var files: [String: String] = [:]
        for (path, _) in Embedded.base64 {
            files[path] = String(decoding: Embedded.data(path) ?? Data(), as: UTF8.self)
        }
        var strings = try Self.builtInStrings(files["strings.yaml"] ?? "")
        if let folder {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            guard names.contains(where: { $0.hasSuffix(".mustache") || $0 == "strings.yaml" }) else {
                throw ReportError.template(name: folder, reason: "no *.mustache templates or strings.yaml in this folder")
            }
            for name in names.sorted() where name.hasSuffix(".mustache") || name == "strings.yaml" {
                let path = (folder as NSString).appendingPathComponent(name)
                let text: String
                do {
                    text = try String(contentsOfFile: path, encoding: .utf8)
                } catch {
                    throw ReportError.template(name: path, reason: "cannot be read as UTF-8 text")
                }
                if name == "strings.yaml" {
                    strings.merge(try Self.decodeStrings(text, name: path)) { builtIn, given in builtIn.merging(given) { $1 } }
                } else {
                    files[name] = text
                }
            }
        }
        var library = MustacheLibrary()
        for (name, text) in files.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".mustache") {
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw ReportError.template(name: name, reason: "\(error)")
            }
        }
        self.library = library
        self.strings = strings
    }

    /// The built-in labels. `YAMLDecoder` finds each key of a mapping by walking the mapping,
    /// which made reading the built-in `strings.yaml` a fifth of an empty audit; its plain
    /// shape (label → language → text) is walked directly here, and a test checks that this
    /// reads it exactly as `YAMLDecoder` does. A file of another shape goes to `YAMLDecoder`,
    /// as the labels of `--templates` folders always do.
    static func builtInStrings(_ text: String) throws -> [String: [String: String]] {
        try walkedStrings(text) ?? decodeStrings(text, name: "strings.yaml")
    }

    /// A mapping of mappings of plain or quoted texts, or nil for anything else.
    static func walkedStrings(_ text: String) -> [String: [String: String]]? {
        guard case let .mapping(labels)? = try? Yams.compose(yaml: text, .basic) else { return nil }
        var strings: [String: [String: String]] = [:]
        for (key, value) in labels {
            guard let key = key.scalar?.string, case let .mapping(texts) = value else { return nil }
            var entry: [String: String] = [:]
            for (language, text) in texts {
                guard let language = language.scalar?.string, let text = text.scalar?.string else { return nil }
                entry[language] = text
            }
            strings[key] = entry
        }
        return strings
    }

    static func decodeStrings(_ text: String, name: String) throws -> [String: [String: String]] {
        do {
            return try YAMLDecoder().decode([String: [String: String]].self, from: text)
        } catch {
            throw ReportError.template(name: name, reason: "\(error)")
        }
    }

    /// Renders a template by name (`report.md`, `report.html`).
    func render(_ name: String, _ context: Any) throws -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw ReportError.template(name: name, reason: "no such template")
        }
        return output
    }

    /// The labels in one language (English where a label lacks a translation; a test
    /// checks that none lacks one in the built-in strings).
    func labels(_ language: Language) -> Labels {
        Labels(language: language, texts: strings.mapValues { $0[language.rawValue] ?? $0["en"] ?? "" })
    }

    /// Label keys that lack a text in some language (empty for a complete `strings.yaml`).
    public var untranslatedKeys: [String] {
        strings.filter { _, texts in Language.allCases.contains { (texts[$0.rawValue] ?? "").isEmpty } }.keys.sorted()
    }

    /// Every label key, sorted.
    public var labelKeys: [String] { strings.keys.sorted() }
}

/// Content types for the templates' `{{% CONTENT_TYPE: … }}` pragma.
enum ContentTypes {
    private static let once: Void = {
        MustacheContentTypes.register(MarkdownEscaper(), named: "MARKDOWN")
    }()

    static func registerOnce() { _ = once }
}

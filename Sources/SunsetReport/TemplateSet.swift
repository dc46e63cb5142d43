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

    /// Built-in templates, with those found in `folder` taking their place.
    public init(overrides folder: String?) throws {
        ContentTypes.registerOnce()
        var files: [String: String] = [:]
        for (path, _) in Embedded.base64 {
            files[path] = String(decoding: Embedded.data(path) ?? Data(), as: UTF8.self)
        }
        if let folder {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            guard !names.isEmpty else { throw ReportError.template(name: folder, reason: "no templates in this folder") }
            for name in names where name.hasSuffix(".mustache") || name == "strings.yaml" {
                files[name] = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            }
        }
        var library = MustacheLibrary()
        for (name, text) in files where name.hasSuffix(".mustache") {
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw ReportError.template(name: name, reason: "\(error)")
            }
        }
        self.library = library
        do {
            strings = try YAMLDecoder().decode([String: [String: String]].self, from: files["strings.yaml"] ?? "")
        } catch {
            throw ReportError.template(name: "strings.yaml", reason: "\(error)")
        }
    }

    /// Renders a template by name (`report.md`, `report.html`).
    func render(_ name: String, _ context: Any) throws -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw ReportError.template(name: name, reason: "no such template")
        }
        return output
    }

    /// The labels in one language (English where a label lacks a translation).
    func labels(_ language: Language) -> [String: String] {
        strings.mapValues { $0[language.rawValue] ?? $0["en"] ?? "" }
    }
}

/// Content types for the templates' `{{% CONTENT_TYPE: … }}` pragma.
enum ContentTypes {
    private static let once: Void = {
        MustacheContentTypes.register(MarkdownEscaper(), named: "MARKDOWN")
    }()

    static func registerOnce() { _ = once }
}

/// Escapes text for GitHub-flavoured Markdown: characters that would start markup, break a
/// table cell or a line are neutralised, so a file name is always shown as written.
struct MarkdownEscaper: MustacheContentType {
    func escapeText(_ text: String) -> String { Self.escape(text) }

    /// Characters that can open or close markup mid-line. Parentheses need no escape
    /// because the brackets that would make them a link are escaped.
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&"]

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            if character == "\n" || character == "\r" || character == "\r\n" {
                out += " "
            } else if special.contains(character) {
                out += "\\" + String(character)
            } else {
                out.append(character)
            }
        }
        return out
    }
}

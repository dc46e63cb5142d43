import Foundation
import SunsetCore
import SunsetReport
import SunsetRules

/// `sunset report --from results.json`: renders saved results again, in any format and
/// language, without scanning. The packs (built-in and `--rules`) supply the rule
/// descriptions SARIF and JUnit list and the texts of another language.
public enum Rerender {
    /// Everything `sunset report` needs, already parsed.
    public struct Options: Sendable {
        /// A `results.json` file, or "-" for standard input.
        public var from: String
        public var formats: [Format]
        public var output: String
        public var language: Language
        public var templates: String?
        public var force: Bool
        public var rulePaths: [String]
        public var failOn: Severity

        public init(from: String, formats: [Format] = Format.defaults, output: String = "sunset-report",
                    language: Language = .en, templates: String? = nil, force: Bool = false, rulePaths: [String] = [],
                    failOn: Severity = .high) {
            self.from = from
            self.formats = formats
            self.output = output
            self.language = language
            self.templates = templates
            self.force = force
            self.rulePaths = rulePaths
            self.failOn = failOn
        }
    }

    /// What was produced: files written, or the bytes for standard output.
    public struct Outcome: Sendable {
        public var written: [String]
        public var stdout: Data?
    }

    /// Reads the results, renders the asked formats and writes them.
    public static func run(_ options: Options) throws -> Outcome {
        if options.output == "-" && options.formats.count != 1 { throw KitError.stdoutNeedsOneFormat }
        let stored = try load(options.from)
        let packs = try PackSet.load(extra: options.rulePaths)
        let templates = try TemplateSet(overrides: options.templates)
        let results = Relocalizer.translate(stored, packs: packs, language: options.language)
        let input = ReportInput(results: results, language: options.language, packs: packs, failOn: options.failOn,
                                hostLifecycle: HostLifecycle.lookup(try PackSet.osReleases(extra: options.rulePaths)))
        let published = try Publisher.publish(input, formats: options.formats, templates: templates,
                                              output: options.output, force: options.force)
        return Outcome(written: published.written, stdout: published.stdout)
    }

    /// Reads and decodes a `results.json`, refusing a schema newer than this build knows.
    public static func load(_ path: String) throws -> AuditResults {
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                               : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReportError.unreadableResults(path, reason: "no such file, or it cannot be read")
        }
        struct Header: Decodable { var schemaVersion: Int }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw ReportError.unreadableResults(path, reason: "not a sunset results.json (no schemaVersion)")
        }
        guard header.schemaVersion <= AuditResults.currentSchemaVersion else {
            throw ReportError.newerSchema(path, version: header.schemaVersion, supported: AuditResults.currentSchemaVersion)
        }
        do {
            return try JSONReporter.decode(data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReportError.unreadableResults(path, reason: "missing '\(where_(context.codingPath + [key]))'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            throw ReportError.unreadableResults(path, reason: "at '\(where_(context.codingPath))': \(context.debugDescription)")
        } catch {
            throw ReportError.unreadableResults(path, reason: "\(error)")
        }
    }

    /// A coding path as `findings[3].subject`.
    private static func where_(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
    }
}

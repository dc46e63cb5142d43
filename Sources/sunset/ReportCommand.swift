import ArgumentParser
import Foundation
import SunsetKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render saved results (results.json) again, in any format or language, without scanning."
    )

    @Option(help: "The results.json an audit wrote, or - for standard input.")
    var from: String

    @Option(help: "Comma-separated formats: md, html, json, sarif, junit.")
    var format: String?

    @Option(help: "Folder for the reports, or - for standard output (one format).")
    var output: String = "sunset-report"

    @Option(help: "Report language: en or fr (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: String?

    @Option(help: "A folder of templates that replace the built-in ones.")
    var templates: String?

    @Option(name: .customLong("rules"), help: "Rule packs the audit used beyond the built-in ones.")
    var rules: [String] = []

    @Option(name: .customLong("fail-on"), help: "JUnit failures from this severity up: info, low, medium, high, critical.")
    var failOn: String = "high"

    @Flag(help: "Overwrite report files even if sunset did not write them.")
    var force = false

    func run() throws {
        do {
            let outcome = try Rerender.run(Rerender.Options(
                from: from, formats: try AuditOptions.formats(format), output: output, language: try .chosen(lang),
                templates: templates, force: force, rulePaths: rules, failOn: try AuditOptions.severity(failOn)))
            if let data = outcome.stdout {
                FileHandle.standardOutput.write(data)
            } else {
                for path in outcome.written { print("Wrote \(path)") }
            }
        } catch {
            throw fail(error)
        }
    }
}

import ArgumentParser
import Foundation
import SunsetKit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Scan, judge and write the reports (report.md, report.html, results.json; also results.sarif, results.junit.xml)."
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        do {
            let color = try ColorChoice.parse(common.color)
            let outcome = try Audit.run(try common.auditOptions())
            if let data = outcome.stdout {
                FileHandle.standardOutput.write(data)
            } else {
                print(Summary.text(outcome, colored: color.enabled()), terminator: "")
            }
        } catch {
            throw fail(error)
        }
    }
}

/// The flags `audit` and `demo` share.
struct CommonOptions: ParsableArguments {
    @Argument(help: "Folders or disk images (raw, .001, .E01, .vhd, .vhdx, .vmdk) to scan (default: the home folder; under WSL also the Windows drives).")
    var roots: [String] = []

    @Option(name: .customLong("as-of"), help: "Judge as of this date (YYYY-MM-DD; default: today).")
    var asOf: String?

    @Option(name: .customLong("rules"), help: "A rule pack file or folder that adds to or overrides the built-in packs.")
    var rules: [String] = []

    @Option(name: .customLong("exclude"), help: "Leave out paths matching this glob (relative to a root).")
    var excludes: [String] = []

    @Option(help: "Comma-separated formats: md, html, json, sarif, junit (default: md,html,json).")
    var format: String?

    @Option(help: "Folder for the reports, or - for standard output (one format).")
    var output: String = "sunset-report"

    @Option(help: "Report language: en or fr (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: String?

    @Option(help: "A folder of templates that replace the built-in ones.")
    var templates: String?

    @Flag(help: "Overwrite report files even if sunset did not write them.")
    var force = false

    @Option(name: .customLong("warn-within"), help: "Report dates coming within this many days (e.g. an end of support).")
    var warnWithin: Int?

    @Option(help: "A waivers file (default: .sunset-waivers.yaml in the working folder, when it exists).")
    var waivers: String?

    @Option(help: ArgumentHelp(ColorChoice.help, valueName: "when"))
    var color: String = "auto"

    @Option(name: .customLong("fail-on"), help: "JUnit failures from this severity up: info, low, medium, high, critical.")
    var failOn: String = "high"

    func auditOptions() throws -> AuditOptions {
        var options = try AuditOptions.parse(roots: roots, asOf: asOf, rules: rules, excludes: excludes, format: format,
                                             output: output, lang: try AuditOptions.languageCode(lang),
                                             templates: templates, force: force, warnWithin: warnWithin, waivers: waivers)
        options.failOn = try AuditOptions.severity(failOn)
        options.recordsDuration = asOf == nil
        return options
    }
}

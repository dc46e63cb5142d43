import ArgumentParser
import Foundation
import SunsetKit

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a sample old-PC disk and audit it, to see a real report."
    )

    @Option(help: "Build the sample disk in this new or empty folder (default: a temporary folder).")
    var volume: String?

    @Option(help: "Folder for the reports.")
    var output: String = "sunset-report"

    @Option(help: "Report language: en or fr (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: String?

    @Option(help: ArgumentHelp(ColorChoice.help, valueName: "when"))
    var color: String = "auto"

    func run() throws {
        do {
            let options = try AuditOptions.parse(roots: [], asOf: nil, rules: [], excludes: [], format: nil,
                                                 output: output, lang: try AuditOptions.languageCode(lang),
                                                 templates: nil, force: false)
            let colored = try ColorChoice.parse(color).enabled()
            let (volume, outcome) = try Demo.run(folder: volume, options: options)
            print("Built a sample old-PC disk in \(volume)")
            print(Summary.text(outcome, colored: colored), terminator: "")
        } catch {
            throw fail(error)
        }
    }
}

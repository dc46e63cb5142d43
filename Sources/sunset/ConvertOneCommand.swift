import ArgumentParser
import Foundation
import SunsetKit

/// The child of `IsolatedConversion`, hidden from help: converts one database and writes the
/// report as JSON on standard output, so that a reader crashing on a damaged file takes only
/// this process down, never the `convert` or `rescue` that started it.
struct ConvertOneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: IsolatedConversion.ChildCommand.name,
        abstract: "Convert one database and print its report as JSON (run by convert and rescue).",
        shouldDisplay: false
    )

    @Argument(help: "The database file.") var path: String
    @Option(name: .customLong("to"), help: "The folder for the copies (it exists).") var destination: String
    @Option(help: "The database's name in the report.") var name: String
    @Option(name: .customLong("format"), help: "Copies to make, comma-separated.") var formats: String

    func run() throws {
        let status: Int32
        do {
            status = IsolatedConversion.ChildCommand.run(path: path, sourceName: name, folder: destination,
                                                         formats: try Convert.formats([formats]))
        } catch {
            throw fail(error)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

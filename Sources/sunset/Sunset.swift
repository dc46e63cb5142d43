import ArgumentParser
import Foundation
import SunsetKit

/// The `sunset` command: flags in, one library call, an exit code out.
@main
struct Sunset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sunset",
        abstract: "Finds discontinued software and the data only it can open, judges the risk, and guides the rescue.",
        version: SunsetKit.version,
        subcommands: [AuditCommand.self, ScanCommand.self, ReportCommand.self, DemoCommand.self, RulesCommand.self,
                      SyntheticResultsCommand.self],
        defaultSubcommand: AuditCommand.self
    )
}

/// Prints an error as one line on stderr and exits with `code`.
func fail(_ error: Error, code: Int32 = 2) -> ExitCode {
    let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
    FileHandle.standardError.write(Data("sunset: error: \(message)\n".utf8))
    return ExitCode(code)
}

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
        subcommands: [AuditCommand.self, ScanCommand.self, CheckCommand.self, ReportCommand.self, DemoCommand.self,
                      RulesCommand.self, SyntheticResultsCommand.self, RescueCommand.self, VerifyCommand.self, ConvertCommand.self, SyntheticDatabaseCommand.self,
                      ConvertOneCommand.self, ImageWalkCommand.self],
        defaultSubcommand: AuditCommand.self
    )

    /// Runs the command. A command line that does not parse exits 2, as every other
    /// "could not run" does (argument-parser's own default is 64); in Nagios mode it is
    /// UNKNOWN (3) with the plugin's status line.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode), code == .validationFailure || code.rawValue == 64 else {
                exit(withError: error)
            }
            let message = Sunset.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad arguments"
            if arguments.contains("--nagios") {
                print("SUNSET UNKNOWN - \(message)")
                Foundation.exit(3)
            }
            FileHandle.standardError.write(Data("sunset: error: \(message.replacingOccurrences(of: "Error: ", with: ""))\n".utf8))
            FileHandle.standardError.write(Data("(see sunset --help)\n".utf8))
            Foundation.exit(2)
        }
    }
}

/// Prints an error as one line on stderr and exits with `code`.
func fail(_ error: Error, code: Int32 = 2) -> ExitCode {
    let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
    FileHandle.standardError.write(Data("sunset: error: \(message)\n".utf8))
    return ExitCode(code)
}

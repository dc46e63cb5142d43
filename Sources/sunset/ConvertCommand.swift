import ArgumentParser
import Foundation
import SunsetKit

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Make readable copies of a legacy database (CSV per table, one SQLite file, one workbook), checked row by row.",
        discussion: """
            A database file's copies go into the --to folder; for a folder, each database found in it (by content) gets \
            a folder of its own below --to, at its path. The source is only read. Exit status: 0 every copy complete, \
            1 something could not be copied (each gap is listed), 2 could not run.
            """
    )

    @Argument(help: "Database files, or folders to search for databases.")
    var paths: [String]

    @Option(name: .customLong("to"), help: "The folder for the copies: new, empty, or one an earlier convert wrote.")
    var destination: String

    @Option(name: .customLong("format"), parsing: .upToNextOption,
            help: "Copies to make: csv, sqlite, workbook (default: all three).")
    var formats: [String] = []

    @Option(name: .customLong("child-timeout"), help: ArgumentHelp("Seconds one database may take (for the fuzzer).", visibility: .hidden))
    var childTimeout: Double?

    func run() throws {
        let code: Int32
        do {
            var isolation = IsolatedConversion.forThisProcess()
            if let childTimeout { isolation = IsolatedConversion(executable: isolation.executable, timeout: childTimeout) }
            let outcome = try Convert.run(paths: paths, to: destination, formats: try Convert.formats(formats), isolation: isolation)
            print(Convert.summary(outcome), terminator: "")
            code = outcome.exitCode
        } catch {
            throw fail(error)
        }
        if code != 0 { throw ExitCode(code) }
    }
}

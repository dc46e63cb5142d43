import ArgumentParser
import Foundation
import SunsetKit

struct RescueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescue",
        abstract: "Copy every company's data, backup and export into a verified BagIt bag (an offline copy).",
        discussion: """
            Besides the original bytes, every database saved (Access, SQLite, dBase, FoxPro) also gets readable copies \
            beside it in the bag: a CSV file per table, one SQLite file and one workbook, each read back and counted. \
            Exit status: 0 all saved and converted, 1 the bag was made but some files could not be saved or some \
            database not converted completely (listed), 2 could not run.
            """
    )

    @Argument(help: "Folders to scan for what to save (default: the home folder; under WSL also the Windows drives).")
    var roots: [String] = []

    @Option(name: .customLong("to"), help: "The bag's folder: new, empty, or a bag an earlier rescue of the same folders made.")
    var destination: String

    @Flag(name: .customLong("include-program"), help: "Also copy the program's folder.")
    var includeProgram = false

    @Flag(name: .customLong("no-readable"), help: "Save the databases' bytes only, without readable copies.")
    var noReadable = false

    @Option(name: .customLong("source-organization"), help: "Who the data belongs to (bag-info.txt Source-Organization).")
    var sourceOrganization: String?

    @Option(name: .customLong("as-of"), help: "The bag's date (YYYY-MM-DD; default: today).")
    var asOf: String?

    @Option(name: .customLong("rules"), help: "Extra rule packs whose signatures to look for.")
    var rules: [String] = []

    func run() throws {
        let complete: Bool
        do {
            let options = try RescueOptions.parse(roots: roots, to: destination, includeProgram: includeProgram,
                                                  sourceOrganization: sourceOrganization, asOf: asOf, rules: rules,
                                                  readable: !noReadable)
            let report = try Rescue.run(options)
            print(Rescue.summary(report), terminator: "")
            complete = report.notSaved.isEmpty && report.incompleteDatabases.isEmpty
        } catch {
            throw fail(error)
        }
        if !complete { throw ExitCode(1) }
    }
}

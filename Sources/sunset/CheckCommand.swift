import ArgumentParser
import Foundation
import SunsetCore
import SunsetKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Health check for CI and monitoring: exit 0 healthy, 1 findings at or above --fail-on, 2 could not run.",
        discussion: "With --nagios: one status line with performance data, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN."
    )

    @Argument(help: "Folders or disk images to scan (default: the home folder).") var roots: [String] = []
    @Option(name: .customLong("as-of"), help: "Judge as of this date (YYYY-MM-DD; default: today).") var asOf: String?
    @Option(name: .customLong("rules"), help: "Extra rule packs or OS tables.") var rules: [String] = []
    @Option(name: .customLong("exclude"), help: "Leave out paths matching this glob.") var excludes: [String] = []
    @Option(help: "A waivers file (default: .sunset-waivers.yaml here, when present).") var waivers: String?
    @Option(name: .customLong("warn-within"), help: "Report dates coming within this many days.") var warnWithin: Int?
    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails: info, low, medium, high, critical.")
    var failOn: Severity = .high
    @Flag(help: "Nagios plugin output and exit codes.") var nagios = false
    @Option(help: "Nagios: lowest severity for WARNING.") var warning: Severity = .medium
    @Option(help: "Nagios: lowest severity for CRITICAL.") var critical: Severity = .high
    @Flag(help: "GitHub Actions annotations, one per finding.") var github = false
    @Option(help: "Also write the metrics for node_exporter's textfile collector to this file.") var prometheus: String?
    @Option(help: ArgumentHelp("Remember each folder in this file; the next run lists only the folders that changed.",
                               discussion: "A SQLite file Sunset writes and replaces. One written by another version, for other folders or with other rule packs, or a damaged one, is ignored with a note on standard error; a file that is not a Sunset state file is never overwritten.",
                               valueName: "file")) var state: String?

    func run() throws {
        let outcome: Check.Outcome
        do {
            var options = CheckOptions(roots: roots.isEmpty ? AuditOptions.defaultRoots() : roots, asOf: try AuditOptions.day(asOf))
            options.rulePaths = rules
            options.excludes = excludes
            options.waivers = AuditOptions.waiversFile(waivers)
            options.warnWithin = try AuditOptions.warnWithin(warnWithin)
            options.failOn = failOn
            options.mode = nagios ? .nagios : (github ? .github : .plain)
            options.warning = warning
            options.critical = critical
            options.prometheus = prometheus
            options.state = state
            outcome = Check.run(options)
        } catch {
            if nagios {
                print("SUNSET UNKNOWN - \((error as? LocalizedError)?.errorDescription ?? "\(error)")")
                throw ExitCode(3)
            }
            throw fail(error)
        }
        if outcome.status == 2 && !nagios {
            FileHandle.standardError.write(Data(outcome.output.utf8))
        } else {
            print(outcome.output, terminator: "")
        }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}

extension Severity: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import SunsetKit

/// A developer tool for `Benchmarks/report`, hidden from help: writes large made-up results.
struct SyntheticResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthetic-results",
        abstract: "Write made-up results.json for benchmarks (developer tool).",
        shouldDisplay: false
    )

    @Option(help: "Number of companies.") var companies: Int = 1_000
    @Option(help: "Number of findings.") var findings: Int = 10_000
    @Option(name: .customLong("as-of"), help: "Judge as of this date.") var asOf: String = "2026-11-29"
    @Option(help: "The file to write.") var output: String

    func run() throws {
        do {
            try SyntheticResults.write(companies: companies, findings: findings, asOf: try AuditOptions.day(asOf), to: output)
        } catch {
            throw fail(error)
        }
    }
}

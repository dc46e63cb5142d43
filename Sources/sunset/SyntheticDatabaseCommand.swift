import ArgumentParser
import Foundation
import SunsetKit

/// A developer tool for `Benchmarks/convert`, hidden from help: writes a large made-up Access file.
struct SyntheticDatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthetic-database",
        abstract: "Write a made-up Access (Jet 4) database for benchmarks (developer tool).",
        shouldDisplay: false
    )

    @Option(help: "Rows of its one table.") var rows: Int = 1_000_000
    @Option(help: "The file to write.") var output: String
    @Flag(help: "Instead: a small file of several tables and every column type (a fuzzer's seed).") var varied = false

    func run() throws {
        do {
            if varied { try SyntheticDatabase.writeVaried(to: output) } else { try SyntheticDatabase.write(rows: rows, to: output) }
        } catch {
            throw fail(error)
        }
    }
}

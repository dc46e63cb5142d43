import ArgumentParser
import Foundation
import SunsetKit

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan only and print the inventory as JSON."
    )

    @Argument(help: "Folders or disk images to scan (default: the home folder).")
    var roots: [String] = []

    @Option(name: .customLong("rules"), help: "Extra rule packs whose signatures to look for.")
    var rules: [String] = []

    @Option(name: .customLong("exclude"), help: "Leave out paths matching this glob.")
    var excludes: [String] = []

    @Option(help: "A file for the JSON, or - for standard output.")
    var output: String = "-"

    func run() throws {
        do {
            try InventoryExport.write(roots: roots, rules: rules, excludes: excludes, to: output)
        } catch {
            throw fail(error)
        }
    }
}

import ArgumentParser
import Foundation
import SunsetKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, validate and explain rule packs.",
        subcommands: [List.self, Validate.self, Explain.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every rule of the built-in (and given) packs.")
        @Option(name: .customLong("rules"), help: "Extra rule packs.") var rules: [String] = []

        func run() throws {
            do { print(try RuleCatalog.list(extra: rules), terminator: "") } catch { throw fail(error) }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check pack files and OS tables strictly and run every rule's examples; exit 2 listing every error.")
        @Argument(help: "Pack files, OS tables or folders.") var paths: [String]

        func run() throws {
            let validation = RuleCatalog.validate(paths)
            print(validation.output, terminator: "")
            for error in validation.errors {
                FileHandle.standardError.write(Data("sunset: error: \(error)\n".utf8))
            }
            if !validation.passed { throw ExitCode(2) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show what a rule checks and what to do about it.")
        @Argument(help: "A rule id, e.g. invoice2go-classic/backup-missing.") var id: String
        @Option(name: .customLong("rules"), help: "Extra rule packs.") var rules: [String] = []
        @Option(help: "Language: en or fr.") var lang: String = "en"

        func run() throws {
            do { print(try RuleCatalog.explain(id, extra: rules, lang: lang), terminator: "") } catch { throw fail(error) }
        }
    }
}

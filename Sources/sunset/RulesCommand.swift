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
        static let configuration = CommandConfiguration(abstract: "Check pack files strictly; exit 2 on the first error.")
        @Argument(help: "Pack files or folders.") var paths: [String]

        func run() throws {
            do { print(try RuleCatalog.validate(paths), terminator: "") } catch { throw fail(error) }
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

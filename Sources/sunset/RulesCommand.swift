import ArgumentParser
import Foundation
import SunsetKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, validate and explain rule packs.",
        subcommands: [List.self, Validate.self, Explain.self, ImportEndOfLife.self]
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

    struct ImportEndOfLife: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-endoflife",
            abstract: "Regenerate the lifecycle packs (and OS tables) from endoflife.date product files.")
        @Argument(help: "A folder of endoflife.date product files (the vendored snapshot or a checkout's products/).")
        var source: String
        @Option(help: "The lifecycle pack folder to write (its match/ subfolder holds Sunset's match data).")
        var to: String
        @Option(name: .customLong("os-to"), help: "Where the OS tables go (default: os/ beside --to).")
        var osTo: String?

        func run() throws {
            do { print(try RuleCatalog.importEndOfLife(from: source, to: to, osTo: osTo)) } catch { throw fail(error) }
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

import Foundation
import SunsetFixtures
import SunsetKit
import SunsetReport
import SunsetRules
import Testing

/// The terminal summary and the language choice from the environment.
@Suite struct TerminalTests {
    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(Summary.wantsColor(isTerminal: true, environment: [:]))
        #expect(!Summary.wantsColor(isTerminal: false, environment: [:]))
        #expect(!Summary.wantsColor(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(Summary.wantsColor(isTerminal: true, environment: ["NO_COLOR": ""]))
    }

    /// Runs `audit` under `script`, which gives it a pseudo-terminal as standard output.
    func auditOnATerminal(_ volume: VolumeBuilder, output: URL, environment: [String: String]) throws -> String {
        let command = [try sunset().executable.path, "audit", volume.root.path, "--as-of", fixedAsOf, "--lang", "en",
                       "--format", "json", "--output", output.path, "--force"]
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let result = try runTool(["script", "-qec", command, "/dev/null"], environment: environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        return result.stdout
    }

    @Test func theSummaryIsATableColouredOnATerminalAndPlainOtherwise() throws {
        let volume = try sampleVolume(#function)
        let output = try VolumeBuilder.temporary("summary")
        defer { volume.remove(); output.remove() }
        let coloured = try auditOnATerminal(volume, output: output.root, environment: ["NO_COLOR": ""])
        #expect(coloured.contains("\u{1B}[1;31mcritical"))
        let noColor = try auditOnATerminal(volume, output: output.root, environment: ["NO_COLOR": "1"])
        #expect(!noColor.contains("\u{1B}["))
        let row = noColor.split(whereSeparator: \.isNewline).first { $0.hasPrefix("  critical  invoice2go-classic/backup-missing  ") }
        #expect(row?.hasSuffix("  Atelier Martin") == true, "\(noColor)")
        let piped = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--lang", "en", "--format", "json",
                                      "--output", output.root.path, "--force"])
        #expect(!piped.stdout.contains("\u{1B}["))
        #expect(piped.stdout.contains("Severity  Rule"))
    }

    @Test func theLanguageComesFromTheFlagThenLcAllLcMessagesLang() throws {
        #expect(try Language.chosen("fr", environment: ["LANG": "en_US.UTF-8"]) == .fr)
        #expect(try Language.chosen(nil, environment: ["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(try Language.chosen(nil, environment: ["LC_ALL": "C", "LANG": "fr_FR.UTF-8"]) == .en)
        #expect(try Language.chosen(nil, environment: ["LC_ALL": "", "LC_MESSAGES": "fr_CA", "LANG": "en_GB"]) == .fr)
        #expect(try Language.chosen(nil, environment: ["LANG": "de_DE.UTF-8"]) == .en)
        #expect(try Language.chosen(nil, environment: [:]) == .en)
        #expect(throws: KitError.badLanguage("de", known: ["en", "fr"])) { try Language.chosen("de", environment: [:]) }
    }

    @Test func theBinaryWritesFrenchWhenLangSaysSo() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let binary = try sunset().executable.path
        let french = try runTool([binary, "audit", volume.root.path, "--as-of", fixedAsOf, "--format", "md", "--output", "-"],
                                 environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8"])
        #expect(french.status == 0, "\(french.stderr)")
        #expect(french.stdout.hasPrefix("# Rapport d'audit Sunset"))
    }
}

/// `--color` and `NO_COLOR`, and the glance lines within 80 columns.
@Suite struct ColorChoiceTests {
    @Test func theFlagWinsOverTheEnvironmentAndAutoHonoursNoColor() throws {
        #expect(ColorChoice.always.enabled(isTerminal: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.never.enabled(isTerminal: true, environment: [:]))
        #expect(!ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColorChoice.auto.enabled(isTerminal: true, environment: [:]))
        #expect(throws: KitError.badColor("rainbow", known: ["auto", "always", "never"])) { try ColorChoice.parse("rainbow") }
    }

    func summary(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let volume = try sampleVolume("color-\(arguments.joined())")
        let output = try VolumeBuilder.temporary("color-out")
        defer { volume.remove(); output.remove() }
        let command = [try sunset().executable.path, "audit", volume.root.path, "--as-of", fixedAsOf, "--lang", "en",
                       "--format", "json", "--output", output.root.path] + arguments
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let result = try runTool(["script", "-qec", quoted, "/dev/null"], environment: environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        return result.stdout
    }

    @Test func noColorRemovesEveryEscapeSequenceOnATerminal() throws {
        let plain = try summary([], environment: ["NO_COLOR": "1"])
        #expect(!plain.contains("\u{1B}"), "an escape sequence is left")
        #expect(plain.contains("✗ Atelier Martin"))
        let never = try summary(["--color", "never"], environment: ["NO_COLOR": ""])
        #expect(!never.contains("\u{1B}"))
        let always = try summary(["--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(always.contains("\u{1B}[31m✗\u{1B}[0m"))
    }

    @Test func aBadColorValueExitsTwoBeforeScanning() throws {
        let result = try sunset().run(["audit", "/nonexistent-root", "--color", "rainbow"])
        #expect(result.status == 2 && result.stderr.contains("unknown --color 'rainbow'"), "\(result.stderr)")
    }

    @Test(arguments: [Language.en, .fr])
    func everySummaryLineFitsEightyColumnsEvenWithLongNames(language: Language) throws {
        let volume = try sampleVolume("columns-\(language)")
        defer { volume.remove() }
        var input = try judge(volume, language: language)
        let long = "Société coopérative de boulangerie et de pâtisserie du Vieux-Port de Marseille"
        input.results.inventory.companies[1].name = long
        for index in input.results.checklist.indices {
            for item in input.results.checklist[index].items.indices where input.results.checklist[index].items[item].company == "Boulangerie Dupont" {
                input.results.checklist[index].items[item].company = long
            }
        }
        let text = TerminalSummary(templates: try .builtIn()).render(input, written: [], colored: false)
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line.count) columns: \(line)") }
        #expect(text.contains(language == .en ? "At a glance:" : "En un coup d'œil"))
    }
}

import Foundation
import SunsetFixtures
import SunsetKit
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

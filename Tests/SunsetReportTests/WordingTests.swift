import Foundation
import Testing

/// Texts of the reports and of the built-in pack: plurals written out, French punctuation
/// with its non-breaking spaces (U+00A0 before ":", U+202F before ";", "?", "!", U+00A0 inside « »).
@Suite struct WordingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let files = ["Reports/strings.yaml", "Rules/invoice2go-classic.yaml"]

    /// Every `en:` and `fr:` text of a YAML file, block or flow style, as (language, text, line).
    static func texts(_ file: String) throws -> [(String, String, Int)] {
        let text = try String(contentsOf: repository.appendingPathComponent(file), encoding: .utf8)
        var found: [(String, String, Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for match in line.matches(of: /\b(en|fr): ("(?:[^"\\]|\\.)*"|[^,{}]+)/) {
                found.append((String(match.1), String(match.2), number + 1))
            }
        }
        return found
    }

    @Test(arguments: files)
    func noTextHedgesItsPlural(file: String) throws {
        let texts = try Self.texts(file)
        #expect(texts.count > 50)
        for (language, text, line) in texts {
            #expect(text.firstMatch(of: /\w\((s|e|es|x)\)/) == nil, "\(file):\(line) \(language): \(text)")
        }
    }

    @Test(arguments: files)
    func frenchPunctuationHasItsSpaces(file: String) throws {
        for (language, text, line) in try Self.texts(file) where language == "fr" {
            for mark in [" :", " ;", " ?", " !", "« ", " »", "\u{00A0};", "\u{00A0}?", "\u{00A0}!"] {
                #expect(!text.contains(mark), "\(file):\(line): '\(mark)' in \(text)")
            }
        }
    }

    @Test func frenchUsesItsOwnTerms() throws {
        let pack = try String(contentsOf: Self.repository.appendingPathComponent("Rules/invoice2go-classic.yaml"), encoding: .utf8)
        #expect(!pack.contains("sac BagIt") && pack.contains("paquet BagIt"))
        let strings = try String(contentsOf: Self.repository.appendingPathComponent("Reports/strings.yaml"), encoding: .utf8)
        #expect(strings.contains(#"risk.high: {en: "high", fr: "élevé"}"#))
    }
}

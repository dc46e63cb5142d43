import Foundation
import SunsetRules
import Testing

/// Replays inputs that once crashed the rule-pack loader, and the shipped packs.
@Suite struct RulesFuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func rulePackInputs() throws {
        let folders = ["Fuzz/regressions/rulepack", "Rules", "Rules/os"].map { Self.root.appendingPathComponent($0) }
        let files = folders.flatMap { ((try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil)) ?? []) }
            .filter { !$0.hasDirectoryPath }
        #expect(files.count >= 2)
        for file in files { RulesFuzzEntry.rulePack(Array(try Data(contentsOf: file))) }
    }
}

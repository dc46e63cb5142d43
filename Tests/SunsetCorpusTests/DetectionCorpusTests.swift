import Foundation
import SunsetCorpus
import Testing

/// The repository's detection corpus, located from this source file.
let corpusFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

/// Every case file of the corpus, by name (read when the tests are listed).
let corpusCaseNames: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)) ?? [])
    .filter { $0.hasSuffix(".yaml") }.sorted()

/// Runs every labelled layout of `Tests/Corpus` through a real audit; a case fails listing
/// every finding, tick or detection that differs from what its file expects.
@Suite struct DetectionCorpusTests {
    @Test func theCorpusHasTheCasesIssue12AsksFor() throws {
        let cases = try CaseLoader.cases(in: corpusFolder)
        #expect(cases.count >= 14)
    }

    @Test(arguments: corpusCaseNames)
    func caseHasNoMiss(_ file: String) throws {
        let corpusCase = try CaseLoader.load(corpusFolder.appendingPathComponent(file))
        let score = try CaseRunner.run(corpusCase)
        if !score.misses.isEmpty {
            Issue.record("\(score.misses.count) miss(es):\n\(score.misses.joined(separator: "\n"))")
        }
    }
}

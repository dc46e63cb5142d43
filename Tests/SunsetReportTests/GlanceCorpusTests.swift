import Foundation
import SunsetCorpus
import Testing

/// The glance table agrees with the checklist on every disk of the detection corpus, not
/// only on the sample: backup-only companies, unattributed exports, several roots.
@Suite struct GlanceCorpusTests {
    static let corpus = repositoryRoot.appendingPathComponent("Tests/Corpus")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    @Test func theCorpusIsThere() { #expect(Self.names.count >= 12) }

    @Test(arguments: names)
    func everyCellMatchesItsChecklistItem(_ file: String) throws {
        let results = try CaseRunner.results(try CaseLoader.load(Self.corpus.appendingPathComponent(file)))
        let problems = GlanceCheck.mismatches(results)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}

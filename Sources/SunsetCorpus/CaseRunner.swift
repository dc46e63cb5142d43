import Foundation
import SunsetCore
import SunsetKit

/// Runs one case: builds its roots in a temporary folder, audits them as `sunset audit
/// --as-of … --format json` would (through SunsetKit, output beside the roots, never inside),
/// reads `results.json` back and scores it.
public enum CaseRunner {
    /// The case's score. The temporary folder is removed afterwards unless `keep` is true
    /// (`SUNSET_CORPUS_KEEP=1` for the command), to look at the built roots and the report.
    public static func run(_ corpusCase: CorpusCase, keep: Bool = false) throws -> CaseScore {
        let observed = ObservedResults(try results(corpusCase, keep: keep), pack: corpusCase.pack)
        return Scorer.score(name: corpusCase.name, expected: corpusCase.expected, observed: observed)
    }

    /// The case's audit results, for checks of other stages on the same disks (the report's
    /// glance table, say).
    public static func results(_ corpusCase: CorpusCase, keep: Bool = false) throws -> AuditResults {
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("sunset-corpus-\(corpusCase.name)-\(UUID().uuidString.prefix(8))")
        defer {
            if keep {
                FileHandle.standardError.write(Data("\(corpusCase.name): kept \(work.path)\n".utf8))
            } else {
                try? FileManager.default.removeItem(at: work)
            }
        }
        let rootsFolder = work.appendingPathComponent("roots")
        let output = work.appendingPathComponent("report")
        let roots = try CaseBuilder.build(corpusCase, in: rootsFolder)
        let results: AuditResults
        do {
            let options = AuditOptions(roots: roots, asOf: corpusCase.asOf, formats: try AuditOptions.formats("json"),
                                       output: output.path)
            _ = try Audit.run(options)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            results = try decoder.decode(AuditResults.self,
                                         from: Data(contentsOf: output.appendingPathComponent("results.json")))
        } catch {
            throw CorpusError.auditFailed(caseName: corpusCase.name, reason: error.localizedDescription)
        }
        return results
    }
}

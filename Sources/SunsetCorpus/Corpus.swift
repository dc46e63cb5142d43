import Foundation

/// The labelled detection corpus: every case of a folder, run and scored.
public enum Corpus {
    /// The score of every case in `folder`, in file-name order. A case that cannot be built
    /// or audited stops the run with its error. `keep` leaves each case's folder behind.
    public static func run(folder: URL, keep: Bool = false) throws -> [CaseScore] {
        try CaseLoader.cases(in: folder).map { try CaseRunner.run($0, keep: keep) }
    }
}

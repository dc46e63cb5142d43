import Foundation
import SunsetFixtures

/// Builds a case's roots on disk: each root is a folder named after its label, inside `parent`.
enum CaseBuilder {
    /// Builds every root and returns their absolute paths, in the case's order.
    static func build(_ corpusCase: CorpusCase, in parent: URL) throws -> [String] {
        let noon = Double(corpusCase.asOf.ordinal) * 86_400 + 43_200
        func daysAgo(_ days: Int) -> Date { Date(timeIntervalSince1970: noon - Double(days) * 86_400) }
        return try corpusCase.roots.map { root in
            let builder = try VolumeBuilder(root: parent.appendingPathComponent(root.name))
            for folder in root.folders { try builder.folder(folder) }
            for file in root.files {
                let modified = daysAgo(file.daysAgo)
                let url: URL
                if case let .zip(entries) = file.content {
                    let dated = try entries.map {
                        VolumeBuilder.DatedEntry(name: $0.name, contents: try bytes($0.content),
                                                 modified: daysAgo($0.daysAgo ?? file.daysAgo))
                    }
                    url = try builder.zip(file.path, datedEntries: dated, modified: modified)
                } else {
                    url = try builder.file(file.path, try bytes(file.content), modified: modified)
                }
                if file.truncated {
                    let whole = try Data(contentsOf: url)
                    try builder.file(file.path, whole.prefix(whole.count / 2), modified: modified)
                }
            }
            return builder.root.path
        }
    }

    private static func bytes(_ content: CorpusCase.Content) throws -> Data {
        switch content {
        case let .sample(kind): return kind.data
        case let .text(text): return Data(text.utf8)
        case let .copy(url):
            do {
                return try Data(contentsOf: url)
            } catch {
                throw CorpusError.unreadable(file: url.path, reason: error.localizedDescription)
            }
        case .zip: return Data()  // zips are written by `build`, never nested
        }
    }
}

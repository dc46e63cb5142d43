import Foundation
import SunsetCorpus

// sunset-corpus FOLDER: runs every detection case in FOLDER, prints the table, and exits
// 1 when any case missed, 2 when the corpus could not be read or run. SUNSET_CORPUS_KEEP=1
// keeps each case's built roots and report in the temporary folder.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let folder = arguments.first else {
    FileHandle.standardError.write(Data("usage: sunset-corpus FOLDER\n".utf8))
    exit(2)
}
do {
    let keep = ProcessInfo.processInfo.environment["SUNSET_CORPUS_KEEP"] == "1"
    let scores = try Corpus.run(folder: URL(fileURLWithPath: folder), keep: keep)
    print(CorpusTable.render(scores), terminator: "")
    exit(scores.allSatisfy(\.misses.isEmpty) ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("sunset-corpus: \(error.localizedDescription)\n".utf8))
    exit(2)
}

import Foundation
import SunsetCorpus

// sunset-corpus FOLDER: runs every detection case in FOLDER, prints the table, and exits
// 1 when any case missed, 2 when the corpus could not be read or run.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let folder = arguments.first else {
    FileHandle.standardError.write(Data("usage: sunset-corpus FOLDER\n".utf8))
    exit(2)
}
do {
    let scores = try Corpus.run(folder: URL(fileURLWithPath: folder))
    print(CorpusTable.render(scores), terminator: "")
    exit(scores.allSatisfy(\.misses.isEmpty) ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("sunset-corpus: \(error.localizedDescription)\n".utf8))
    exit(2)
}

import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
@testable import SunsetScan
import Testing

/// A file that disappears between the walk and its identification is a coverage gap.
@Suite struct VanishingFileTests {
    @Test func aFileThatVanishesAfterTheWalkIsAGap() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try company(volume, "Dupont")
        // A backup: a file the walk keeps by its name, and opens only after the walk.
        let gone = "Users/marie/Documents/Dupont backup.zip"
        try volume.file(gone, Data("PK".utf8))
        let signatures = try PackSet.builtIn().first { $0.id == "invoice2go-classic" }!.signatures
        let walked = try Volume.open(path: volume.root.path, index: 0, walker: Walker(keep: KeepRule(signatures: [signatures])))
        defer { walked.opener.close() }
        #expect(walked.entries.contains { $0.path == Array(gone.utf8) })

        try FileManager.default.removeItem(at: volume.url(gone))  // between the walk and the probe
        var finder = ProductFinder(signatures: signatures, volumes: [walked])
        try finder.run()
        #expect(finder.gaps.map(\.location.path.description) == [gone])
        #expect(finder.gaps.first?.reason == "No such file or directory")
        #expect(finder.companies.first?.dataFiles.count == 1)
    }
}

import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
@testable import SunsetScan
import Testing

/// Backups and exports probed while the walk goes on give what probing after it gives.
@Suite struct EarlyProbesTests {
    @Test func filesProbedDuringTheWalkMatchThoseProbedAfter() throws {
        let volume = try SampleVolume.temporary(#function)
        defer { volume.remove() }
        let signatures = try PackSet.builtIn().first { $0.id == "invoice2go-classic" }!.signatures
        let early = EarlyProbes()
        let names = GlobSet(GlobSet(signatures.backupNames).globs + ProductFinder.exportGlobs.globs)
        let walked = try Volume.open(path: volume.root.path, index: 0, walker: Walker(keep: KeepRule(signatures: [signatures])),
                                     early: (early, names))
        defer { walked.opener.close() }
        let probes = early.finish()
        let expected = ["Users/marie/Documents/Backups/Boulangerie Dupont backup.zip",
                        "Users/marie/OneDrive/Sauvegardes/Plomberie Martin sauvegarde.zip",
                        "Compta/Sauvegardes/Atelier Martin backup.zip",
                        "Users/marie/Documents/Exports/Boulangerie Dupont clients.csv"]
        for path in expected {
            let early = try #require(probes[EarlyProbes.Key(root: 0, path: PathKey(Array(path.utf8)))], "\(path) probed early")
            let after = try Identifier().probe([.init(opener: walked.opener, path: Array(path.utf8))])[0]
            #expect(early.description == after.description && early.mime == after.mime && early.size == after.size
                    && early.head == after.head && early.modified == after.modified, "\(path)")
        }
        #expect(!probes.keys.contains { String(decoding: $0.path.bytes, as: UTF8.self).hasSuffix(".mdb") },
                "only name candidates are probed early")
        #expect(early.finish().count == probes.count, "finishing twice changes nothing")
    }

    @Test func nothingIsTakenOnceFinished() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("a.zip", Data("PK".utf8))
        let opener = try PathOpener(root: volume.root.path)
        defer { opener.close() }
        let early = EarlyProbes()
        _ = early.finish()
        early.submit(root: 0, path: Array("a.zip".utf8), opener: opener)
        #expect(early.finish().isEmpty, "nothing is taken once finished")
    }
}

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
        let gone = "Users/marie/Documents/Invoice2go/Dupont/invoices.mdb"
        try volume.file(gone, Samples.accessDatabase())
        let walked = try Volume.open(path: volume.root.path, index: 0, excludes: [], progress: nil)
        defer { walked.opener.close() }
        #expect(walked.entries.contains { $0.path == Array(gone.utf8) })

        try FileManager.default.removeItem(at: volume.url(gone))  // between the walk and the probe
        let signatures = try PackSet.builtIn().first { $0.id == "invoice2go-classic" }!.signatures
        var finder = ProductFinder(signatures: signatures, volumes: [walked])
        try finder.run()
        #expect(finder.gaps.map(\.location.path.description) == [gone])
        #expect(finder.gaps.first?.reason == "No such file or directory")
        #expect(finder.companies.first?.dataFiles.count == 1)
    }
}

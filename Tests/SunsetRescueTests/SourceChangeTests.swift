import Foundation
import SunsetCore
import SunsetFixtures
import SunsetKit
import SunsetRescue
import Testing

/// A source file that changes while it is copied is copied again; one that keeps changing
/// is reported, and the bag holds no torn copy of it.
@Suite struct SourceChangeTests {
    /// Counts the attempts and appends to the source during the ones listed.
    final class Meddler: @unchecked Sendable {
        let file: URL
        let during: Set<Int>
        private let lock = NSLock()
        private(set) var attempts = Set<Int>()

        init(file: URL, during: Set<Int>) {
            self.file = file
            self.during = during
        }

        func chunk(_ attempt: Int, _ bytes: UInt64) {
            lock.withLock { _ = attempts.insert(attempt) }
            guard during.contains(attempt), let handle = try? FileHandle(forWritingTo: file) else { return }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data("more work\n".utf8))
            try? handle.close()
        }
    }

    /// A disk with one company whose only file is the one meddled with.
    func run(_ name: String, changing during: Set<Int>) throws -> (RescueReport, Meddler, String, () -> Void) {
        let volume = try VolumeBuilder.temporary(name)
        let file = try volume.file("Users/anne/Documents/Invoice2go/Cafe Anne/company.mdb", Samples.accessDatabase("Anne"),
                                   modified: fixedNow)
        let out = try VolumeBuilder.temporary("usb")
        let meddler = Meddler(file: file, during: during)
        let options = RescueOptions(roots: [volume.root.path], destination: out.url("copy").path,
                                    asOf: CalendarDay(fixedAsOf)!,
                                    pacer: CopyPacer(afterChunk: { meddler.chunk($0, $1) }))
        let report = try Rescue.run(options)
        return (report, meddler, out.url("copy").path, { volume.remove(); out.remove() })
    }

    @Test func aFileChangedDuringItsFirstCopyIsCopiedAgain() throws {
        let (report, meddler, bag, cleanUp) = try run(#function, changing: [1])
        defer { cleanUp() }
        #expect(meddler.attempts == [1, 2])
        #expect(report.notSaved.isEmpty)
        #expect(report.companies == ["Cafe Anne"])
        let copy = try bytes(bag + "/data/Users/anne/Documents/Invoice2go/Cafe Anne/company.mdb")
        #expect(copy == Array(try Data(contentsOf: meddler.file)))
        #expect(try BagVerifier(bag: bag).verify().isValid)
    }

    @Test func aFileThatKeepsChangingIsReportedNotSaved() throws {
        let (report, meddler, bag, cleanUp) = try run(#function, changing: [1, 2, 3])
        defer { cleanUp() }
        #expect(meddler.attempts == [1, 2, 3])
        let item = try #require(report.notSaved.first)
        #expect(item.place.hasSuffix("Cafe Anne/company.mdb"))
        #expect(item.reason.contains("changed while being copied, 3 times"))
        #expect(report.incompleteCompanies == ["Cafe Anne"] && report.companies.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: bag + "/data/Users/anne/Documents/Invoice2go/Cafe Anne/company.mdb"))
        let index = try String(contentsOfFile: bag + "/sunset-index.md", encoding: .utf8)
        #expect(index.contains("## Not saved") && index.contains("Not complete"))
        #expect(try BagVerifier(bag: bag).verify().isValid)
    }

    @Test func whenAChangedFileCannotBeCopiedAgainTheEarlierVerifiedCopyIsKept() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let file = try volume.file("Users/anne/Documents/Invoice2go/Cafe Anne/company.mdb", Samples.accessDatabase("Anne"),
                                   modified: fixedNow)
        let out = try VolumeBuilder.temporary("usb")
        defer { out.remove() }
        let bag = out.url("copy").path
        let first = try Rescue.run(RescueOptions(roots: [volume.root.path], destination: bag, asOf: CalendarDay(fixedAsOf)!))
        #expect(first.copied == 1 && first.notSaved.isEmpty)
        let original = try bytes(bag + "/data/Users/anne/Documents/Invoice2go/Cafe Anne/company.mdb")

        try Data(Samples.accessDatabase("Anne, later")).write(to: file)
        let meddler = Meddler(file: file, during: [1, 2, 3])
        let second = try Rescue.run(RescueOptions(roots: [volume.root.path], destination: bag, asOf: CalendarDay(fixedAsOf)!,
                                                  pacer: CopyPacer(afterChunk: { meddler.chunk($0, $1) })))
        let item = try #require(second.notSaved.first)
        #expect(item.reason.hasSuffix("; the copy made by an earlier run is kept"))
        // The earlier copy and the readable copies made of it (a CSV, a SQLite file, a workbook).
        #expect(second.files == 4)
        #expect(second.databases.first?.sha256 == first.databases.first?.sha256)
        #expect(try bytes(bag + "/data/Users/anne/Documents/Invoice2go/Cafe Anne/company.mdb") == original)
        #expect(try BagVerifier(bag: bag).verify().isValid)
    }
}


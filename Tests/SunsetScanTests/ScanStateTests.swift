import Foundation
import Glibc
import SunsetCore
import SunsetFixtures
import SunsetRules
@testable import SunsetScan
import SunsetSQLite
import Testing

/// `check --state`: a scan that replays the folders unchanged since the state file was
/// written must give exactly what a full scan gives, whatever changed in between.
@Suite(.serialized) struct ScanStateTests {
    /// One scan of `roots`, with the state file or without.
    static func scan(_ roots: [VolumeBuilder], state: String?) throws -> (Inventory, SunsetScan.Scanner.StateReport) {
        var options = ScanOptions(roots: roots.map(\.root.path), signatures: try PackSet.builtIn().map(\.signatures))
        options.state = state
        var report = SunsetScan.Scanner.StateReport()
        let inventory = try SunsetScan.Scanner(options: options).scan(report: &report)
        return (inventory, report)
    }

    /// The inventory as canonical JSON, so that two scans compare field by field.
    static func json(_ inventory: Inventory) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(inventory), as: UTF8.self)
    }

    /// A fresh state file path next to (not inside) the scanned folder.
    static func stateFile(beside volume: VolumeBuilder) -> String {
        volume.root.deletingLastPathComponent().appendingPathComponent("\(UUID()).state").path
    }

    /// Waits until what was just written is old enough for its folders to be trusted.
    static func settle() { usleep(UInt32(FolderRecord.settleNanoseconds / 1000) + 100_000) }

    /// Every kind of change, one after the other, each followed by a run with the state
    /// file and a full run without it: their inventories must be the same, and the run with
    /// the state file must still have replayed folders (or the test would prove nothing).
    @Test func everyChangeIsSeenAndTheRestIsReplayed() throws {
        let volume = try SampleVolume.temporary(#function)
        defer { volume.remove() }
        let state = Self.stateFile(beside: volume)
        defer { unlink(state) }
        let documents = "Users/marie/Documents"
        let dupont = "\(documents)/Invoice2go/Boulangerie Dupont"
        let backup = "\(documents)/Backups/Boulangerie Dupont backup.zip"
        let zipped = try Data(contentsOf: volume.url(backup))
        typealias Change = (String, () throws -> Void)
        let changes: [Change] = [
            ("a data file added to a company", { try volume.file("\(dupont)/archive 2017.mdb", Samples.accessDatabase("Old")) }),
            ("a data file rewritten in place, its folder untouched", {
                let handle = try FileHandle(forWritingTo: volume.url("\(dupont)/company.mdb"))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(count: 4096))
                try handle.close()
            }),
            ("a data file removed", { try FileManager.default.removeItem(at: volume.url("\(dupont)/archive 2017.mdb")) }),
            ("a data file renamed", {
                try FileManager.default.moveItem(at: volume.url("\(dupont)/company.mdb"), to: volume.url("\(dupont)/dupont.mdb"))
            }),
            ("a backup touched, its folder untouched", {
                try volume.setModified(volume.url(backup), Date().addingTimeInterval(-3600))
            }),
            ("a backup truncated in place", {
                let handle = try FileHandle(forWritingTo: volume.url(backup))
                try handle.truncate(atOffset: UInt64(zipped.count / 3))
                try handle.close()
            }),
            ("a backup added deep in an unchanged tree", {
                try volume.zip("\(documents)/Old/2016/Boulangerie Dupont backup 2016.zip",
                               entries: [("company.mdb", Samples.accessDatabase("Dupont"))])
            }),
            ("a backup removed", { try FileManager.default.removeItem(at: volume.url(backup)) }),
            ("a company added", { try volume.file("\(documents)/Invoice2go/Garage Leroy/company.mdb", Samples.accessDatabase("Leroy")) }),
            ("a company renamed", {
                try FileManager.default.moveItem(at: volume.url("\(documents)/Invoice2go/Garage Leroy"),
                                                 to: volume.url("\(documents)/Invoice2go/Garage Leroy et Fils"))
            }),
            ("a company removed", {
                try FileManager.default.removeItem(at: volume.url("\(documents)/Invoice2go/Plomberie Martin"))
            }),
            ("an export added", { try volume.file("\(documents)/Exports/Garage Leroy clients.csv", text: Samples.clientCSV) }),
            ("an unrelated file touched", {
                try volume.setModified(volume.url("\(documents)/letter.txt"), Date().addingTimeInterval(-60))
            }),
            ("a folder replaced by a link", {
                try FileManager.default.moveItem(at: volume.url("\(documents)/Old"), to: volume.url("\(documents)/Older"))
                try FileManager.default.createSymbolicLink(atPath: volume.url("\(documents)/Old").path,
                                                           withDestinationPath: volume.url("\(documents)/Older").path)
            }),
        ]
        Self.settle()
        let (first, firstReport) = try Self.scan([volume], state: state)
        #expect(firstReport.replayed == 0)
        #expect(firstReport.notes.first?.contains("is new") == true)
        #expect(try Self.json(first) == Self.json(Self.scan([volume], state: nil).0))
        let (again, againReport) = try Self.scan([volume], state: state)
        #expect(againReport.listed == 0, "nothing changed, nothing listed")
        #expect(againReport.reused)
        #expect(againReport.notes.isEmpty)
        #expect(try Self.json(again) == Self.json(first))

        var before = try Self.json(first)
        for (label, change) in changes {
            try change()
            let (replayed, report) = try Self.scan([volume], state: state)
            let full = try Self.json(Self.scan([volume], state: nil).0)
            #expect(try Self.json(replayed) == full, "after \(label)")
            #expect(report.replayed > 0, "after \(label): the state file was not used")
            #expect(report.notes.isEmpty, "after \(label)")
            if label != "an unrelated file touched" { #expect(full != before, "\(label) changes the inventory") }
            before = full
        }
    }

    /// The quick check (nothing listed, nothing opened) must notice a file it read that
    /// changed in place, though no folder changed.
    @Test func theQuickCheckSeesAFileChangedInPlace() throws {
        let volume = try SampleVolume.temporary(#function)
        defer { volume.remove() }
        let state = Self.stateFile(beside: volume)
        defer { unlink(state) }
        let data = volume.url("Users/marie/Documents/Invoice2go/Boulangerie Dupont/company.mdb")
        let backup = volume.url("Users/marie/Documents/Backups/Boulangerie Dupont backup.zip")
        let changes: [(String, () throws -> Void)] = [
            ("a data file grown in place", {
                let handle = try FileHandle(forWritingTo: data)
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(count: 100))
                try handle.close()
            }),
            ("a backup's time set back", { try volume.setModified(backup, Date().addingTimeInterval(-86_400 * 30)) }),
            ("a backup replaced by another file of the same size", {
                let size = try Data(contentsOf: backup).count
                try Data(count: size).write(to: backup)
            }),
        ]
        for (label, change) in changes {
            Self.settle()
            _ = try Self.scan([volume], state: state)
            let (same, quiet) = try Self.scan([volume], state: state)
            #expect(quiet.reused, "before \(label): nothing changed, the inventory is reused")
            #expect(try Self.json(same) == Self.json(Self.scan([volume], state: nil).0))
            try change()
            let (inventory, report) = try Self.scan([volume], state: state)
            #expect(!report.reused, "after \(label)")
            #expect(report.listed == 0, "after \(label): no folder changed")
            #expect(try Self.json(inventory) == Self.json(Self.scan([volume], state: nil).0), "after \(label)")
        }
    }

    /// The inventory kept in a state file reads back equal, field for field.
    @Test func theKeptInventoryReadsBackEqual() throws {
        let volume = try SampleVolume.temporary(#function)
        defer { volume.remove() }
        let inventory = try Self.scan([volume], state: nil).0
        #expect(try JSONDecoder().decode(Inventory.self, from: JSONEncoder().encode(inventory)) == inventory)
    }

    /// A state file written for one root says nothing about another.
    @Test func aStateFileForOtherFoldersIsIgnoredWithANote() throws {
        let one = try SampleVolume.temporary(#function + "-one")
        let other = try SampleVolume.temporary(#function + "-other")
        defer { one.remove(); other.remove() }
        try FileManager.default.removeItem(at: other.url("Users/marie/Documents/Invoice2go/Plomberie Martin"))
        let state = Self.stateFile(beside: one)
        defer { unlink(state) }
        Self.settle()
        _ = try Self.scan([one], state: state)
        let (inventory, report) = try Self.scan([other], state: state)
        #expect(report.replayed == 0)
        #expect(report.notes.count == 1)
        #expect(report.notes.first?.contains("is for other folders") == true)
        #expect(try Self.json(inventory) == Self.json(Self.scan([other], state: nil).0))
        // The file now describes the second root, and serves it.
        #expect(try Self.scan([other], state: state).1.listed == 0)
    }

    /// Another version's file, a damaged one of ours, and a file that is no state file.
    @Test func aStateFileFromAnotherVersionOrDamagedIsNeverTrusted() throws {
        let volume = try SampleVolume.temporary(#function)
        defer { volume.remove() }
        let state = Self.stateFile(beside: volume)
        defer { unlink(state) }
        Self.settle()
        let cold = try Self.json(Self.scan([volume], state: nil).0)
        _ = try Self.scan([volume], state: state)

        try SQLiteDatabase(path: state, writing: true).run("UPDATE meta SET value = '0.0.1' WHERE key = 'sunset-version'")
        var (inventory, report) = try Self.scan([volume], state: state)
        #expect(report.replayed == 0)
        #expect(report.notes.first?.contains("another version of Sunset (0.0.1)") == true)
        #expect(try Self.json(inventory) == cold)

        // Ours, but a listing no longer decodes (a name with a slash in it).
        try SQLiteDatabase(path: state, writing: true).run("UPDATE folders SET listing = x'010261' || x'2f' WHERE path = x''")
        (inventory, report) = try Self.scan([volume], state: state)
        #expect(report.replayed == 0)
        #expect(report.notes.first?.contains("is damaged") == true)
        #expect(try Self.json(inventory) == cold)
        #expect(try Self.scan([volume], state: state).1.listed == 0, "the damaged file was replaced")

        // Not a state file at all: ignored and left exactly as it was.
        let foreign = Data("my own notes, not a database\n".utf8)
        try foreign.write(to: URL(fileURLWithPath: state))
        (inventory, report) = try Self.scan([volume], state: state)
        #expect(report.replayed == 0)
        #expect(report.notes.first?.contains("is not a Sunset state file") == true)
        #expect(try Self.json(inventory) == cold)
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == foreign)

        // Another program's SQLite database is no state file either.
        unlink(state)
        try SQLiteDatabase(path: state, writing: true).run("CREATE TABLE mine (x); INSERT INTO mine VALUES (1)")
        let theirs = try Data(contentsOf: URL(fileURLWithPath: state))
        (inventory, report) = try Self.scan([volume], state: state)
        #expect(report.notes.first?.contains("is not a Sunset state file") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == theirs)
    }

    /// A folder listed right after it changed is listed again next time, however its
    /// times look then: a change in the same clock tick would not have moved them.
    @Test func aFolderThatChangedJustBeforeItsListingIsListedAgain() throws {
        let volume = try SampleVolume.temporary(#function)
        defer { volume.remove() }
        let state = Self.stateFile(beside: volume)
        defer { unlink(state) }
        Self.settle()
        try volume.file("Users/marie/Documents/fresh.txt", text: "just written\n")
        _ = try Self.scan([volume], state: state)
        let report = try Self.scan([volume], state: state).1
        #expect(report.listed == 1, "only the fresh folder is listed again")
        #expect(report.replayed > 10)
    }

    /// A listing gives back what was put in it, and damage is refused, never misread.
    @Test func listingsRoundTripAndDamageIsCaught() throws {
        var listing = Listing()
        listing.append(.subfolder, name: Array("x".utf8))
        listing.append(.subfolder, name: Array("é y".utf8))
        listing.append(.file, name: Array("c.zip".utf8))
        listing.append(.symlink, name: Array("l".utf8))
        listing.append(extension: 0x7A6970, files: 3)
        listing.append(extension: 0x747874, files: 300)
        func read(_ bytes: [UInt8]) throws(Listing.Damaged) -> ([String], [UInt64: Int]) {
            var names: [String] = []
            var extensions: [UInt64: Int] = [:]
            try Listing(validating: bytes).forEach { tag, name in
                names.append("\(tag):\(String(decoding: name, as: UTF8.self))")
            } extensions: { key, files in extensions[key] = files }
            return (names, extensions)
        }
        let (names, extensions) = try read(listing.bytes)
        #expect(names == ["subfolder:x", "subfolder:é y", "file:c.zip", "symlink:l"])
        #expect(extensions == [0x7A6970: 3, 0x747874: 300])
        // Every cut that ends inside an item is refused (cuts between items are shorter listings).
        let whole = listing.bytes
        var boundaries: Set<Int> = [0]
        var partial = Listing()
        for (tag, name) in [(Listing.Tag.subfolder, "x"), (.subfolder, "é y"), (.file, "c.zip"), (.symlink, "l")] {
            partial.append(tag, name: Array(name.utf8))
            boundaries.insert(partial.bytes.count)
        }
        partial.append(extension: 0x7A6970, files: 3)
        boundaries.insert(partial.bytes.count)
        for cut in 0..<whole.count where !boundaries.contains(cut) {
            #expect(throws: Listing.Damaged.self) { _ = try read(Array(whole[..<cut])) }
        }
        for bad in ["..", ".", "a/b"] {
            var damaged = Listing()
            damaged.append(.file, name: Array(bad.utf8))
            #expect(throws: Listing.Damaged.self) { _ = try read(damaged.bytes) }
        }
        #expect(throws: Listing.Damaged.self) { _ = try read([9, 1, 0x61]) }  // an unknown tag
        #expect(Listing.isPath(Array("a/b c/d".utf8)))
        #expect(!Listing.isPath(Array("a//b".utf8)) && !Listing.isPath(Array("a/../b".utf8)) && !Listing.isPath(Array("/a".utf8)))
    }
}

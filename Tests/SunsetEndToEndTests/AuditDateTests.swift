import Foundation
import SunsetFixtures
import Testing

/// Dates through the whole pipeline: file times on a disk become backup ages, and
/// `--as-of` and `--warn-within` decide what fires.
@Suite struct AuditDateTests {
    /// One company changed 30 days ago whose only backup is `backupDaysAgo` days old.
    static func volume(_ name: String, backupDaysAgo days: Double) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        func daysAgo(_ days: Double) -> Date { fixedNow.addingTimeInterval(-days * 86_400) }
        try volume.folder("Windows/System32")
        try volume.file("Program Files/Invoice2go/Invoice2go.exe", Samples.executable(), modified: daysAgo(3000))
        try volume.file("Users/ana/Documents/Invoice2go/Dupont/company.mdb", Samples.accessDatabase("Dupont"), modified: daysAgo(30))
        try volume.zip("Users/ana/Documents/Backups/Dupont backup.zip", entries: [("company.mdb", Samples.accessDatabase("Dupont"))],
                       modified: daysAgo(days))
        return volume
    }

    private func ruleIDs(_ arguments: [String]) throws -> [String] {
        let result = try sunset().run(arguments + ["--format", "json", "--output", "-"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try decodeResults(result.stdout).findings.map(\.ruleID)
    }

    @Test(arguments: [(7.0, false), (8.0, true)])
    func aBackupOnDiskIsStaleFromItsEighthDay(days: Double, stale: Bool) throws {
        let volume = try Self.volume(#function, backupDaysAgo: days)
        defer { volume.remove() }
        let ids = try ruleIDs(["audit", volume.root.path, "--as-of", fixedAsOf])
        #expect(ids.contains("invoice2go-classic/backup-stale") == stale, "\(days) days: \(ids)")
        #expect(!ids.contains("invoice2go-classic/backup-missing"))
    }

    @Test func asOfDecidesSupportEndedAndTheOffer() throws {
        let volume = try Self.volume(#function, backupDaysAgo: 1)
        defer { volume.remove() }
        let root = volume.root.path
        #expect(!(try ruleIDs(["audit", root, "--as-of", "2017-10-31"])).contains("invoice2go-classic/support-ended"))
        #expect(try ruleIDs(["audit", root, "--as-of", "2017-11-01"]).contains("invoice2go-classic/support-ended"))
        #expect(try ruleIDs(["audit", root, "--as-of", "2018-05-31"]).contains("invoice2go-classic/upgrade-offer-open"))
        #expect(try ruleIDs(["audit", root, "--as-of", "2018-06-01"]).contains("invoice2go-classic/upgrade-offer-expired"))
    }

    @Test func warnWithinReportsTheComingEndOfSupport() throws {
        let volume = try Self.volume(#function, backupDaysAgo: 1)
        defer { volume.remove() }
        let result = try sunset().run(["audit", volume.root.path, "--as-of", "2017-10-01", "--warn-within", "30",
                                       "--format", "md", "--output", "-"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("The vendor supports this program until 2017-10-31: 30 days left."))

        let negative = try sunset().run(["audit", volume.root.path, "--warn-within=-1", "--format", "md", "--output", "-"])
        #expect(negative.status == 2)
        #expect(negative.stderr == "sunset: error: --warn-within takes a number of days, 0 or more, not -1\n")
    }
}

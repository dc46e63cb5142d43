import Foundation
import SunsetFixtures
import Testing

/// A product is data: the pack in `Tests/Packs/`, for a product Sunset knows nothing about,
/// passed with `--rules`, yields its own findings and checklist.
@Suite struct MadeUpProductTests {
    static let packFolder = repository.appendingPathComponent("Tests/Packs")

    /// An old PC with Acme Ledger 2009: one idle ledger without a backup, one kept up.
    static func acmeVolume(_ name: String) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        func daysAgo(_ days: Double) -> Date { fixedNow.addingTimeInterval(-days * 86_400) }
        try volume.folder("Windows/System32")
        try volume.file("Program Files/Acme Ledger/AcmeLedger.exe", Samples.executable(), modified: daysAgo(4000))
        try volume.file("Users/sam/Documents/Acme Ledger/Old Books/ledger.db", Samples.sqliteDatabase(), modified: daysAgo(400))
        try volume.file("Users/sam/Documents/Acme Ledger/Shop/ledger.db", Samples.sqliteDatabase(), modified: daysAgo(2))
        try volume.zip("Users/sam/Backups/Shop ledger-backup.zip", entries: [("ledger.db", Samples.sqliteDatabase())],
                       modified: daysAgo(1))
        return volume
    }

    @Test func theMadeUpPackGivesItsOwnFindingsAndChecklist() throws {
        let volume = try Self.acmeVolume(#function)
        defer { volume.remove() }
        let result = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--rules", Self.packFolder.path,
                                       "--format", "json", "--output", "-"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let results = try decodeResults(result.stdout)

        #expect(results.packs.map(\.id) == ["acme-ledger", "end-of-life", "invoice2go-classic"])
        let found = Set(results.findings.map { "\($0.ruleID) \($0.subject.name)" })
        #expect(found == ["acme-ledger/support-ended Program Files/Acme Ledger",
                          "acme-ledger/ledger-not-backed-up Old Books",
                          "acme-ledger/ledger-idle Old Books"], "\(found)")
        let idle = try #require(results.findings.first { $0.ruleID == "acme-ledger/ledger-idle" })
        #expect(idle.message.contains("400 days ago"), "\(idle.message)")

        #expect(results.checklist.map(\.id) == ["acme-ledger/export-ledger-backup", "acme-ledger/retire-acme"])
        let items = results.checklist[0].items.map { "\($0.company ?? "-") \($0.done)" }
        #expect(items == ["Old Books false", "Shop true"])
    }

    @Test func theMadeUpPackValidatesAndExplainsInFrench() throws {
        let validate = try sunset().run(["rules", "validate", Self.packFolder.path])
        #expect(validate.status == 0, "stderr: \(validate.stderr)")
        #expect(validate.stdout.contains("acme-ledger.yaml: ok (acme-ledger test-1, 3 rules, 7 examples, 2 checklist steps)"))

        let explain = try sunset().run(["rules", "explain", "acme-ledger/ledger-idle", "--rules", Self.packFolder.path, "--lang", "fr"])
        #expect(explain.status == 0, "stderr: \(explain.stderr)")
        #expect(explain.stdout.contains("elle se déclenche pour chaque société quand les jours écoulés depuis"))
        #expect(explain.stdout.contains("Archivez-le si l'activité est terminée."))
    }
}

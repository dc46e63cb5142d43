import Foundation
import SunsetCore
import SunsetFixtures
import SunsetReport
import Testing

/// The checklist's ticks follow the evidence: a company with a fresh backup in a cloud folder
/// has both backup steps ticked with that backup shown; a company without any backup has them open.
@Suite struct ChecklistEvidenceTests {
    static let safe = "Fresh Cloud SARL", exposed = "Nothing Yet EURL"

    func volume(_ name: String) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        try volume.folder("Windows/System32")
        try volume.file("Program Files (x86)/Invoice2go/Invoice2go.exe", Samples.executable(), modified: daysAgo(3000))
        try volume.file("Users/marie/Documents/Invoice2go/\(Self.safe)/company.mdb", Samples.accessDatabase("a"), modified: daysAgo(3))
        try volume.zip("Users/marie/OneDrive/Backups/\(Self.safe) backup.zip",
                       entries: [("company.mdb", Samples.accessDatabase("a"))], modified: daysAgo(1))
        try volume.file("Users/marie/Documents/Invoice2go/\(Self.exposed)/company.mdb", Samples.accessDatabase("b"), modified: daysAgo(3))
        return volume
    }

    static let backupSteps = ["invoice2go-classic/backup-each-company", "invoice2go-classic/copy-backup-off-machine"]

    @Test func theResultsTickBothBackupStepsOnlyForTheCompanyWithAFreshOffMachineBackup() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let checklist = try judge(volume).results.checklist
        for id in Self.backupSteps {
            let step = try #require(checklist.first { $0.id == id }, "no step \(id)")
            #expect(step.items.first { $0.company == Self.safe }?.done == true, "\(id) not ticked for \(Self.safe)")
            #expect(step.items.first { $0.company == Self.exposed }?.done == false, "\(id) ticked for \(Self.exposed)")
        }
    }

    @Test func markdownAndHTMLShowTheTicksWithTheirEvidence() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let input = try judge(volume)
        let markdown = try render(.md, input)
        #expect(markdown.contains("  - [x] \(Self.safe): newest readable backup Users/marie/OneDrive/Backups/\(Self.safe) backup.zip, 1 day old"))
        #expect(markdown.contains("  - [x] \(Self.safe): off-machine copy Users/marie/OneDrive/Backups/\(Self.safe) backup.zip"))
        #expect(markdown.contains("  - [ ] \(Self.exposed): no readable backup found"))
        #expect(markdown.contains("  - [ ] \(Self.exposed): no readable backup outside this machine"))

        let html = try render(.html, input)
        let items = html.components(separatedBy: "<li><span class=\"state ").dropFirst()
        let safe = items.filter { $0.contains("<strong>\(Self.safe)</strong>") }
        let exposed = items.filter { $0.contains("<strong>\(Self.exposed)</strong>") }
        // Five per-company steps each (backup, copy off the machine, two exports, offline
        // copy); the two backup steps come first.
        #expect(safe.count == 5 && exposed.count == 5)
        for item in safe.prefix(2) { #expect(item.hasPrefix("state-done") && item.contains("done</span>") && item.contains("OneDrive/Backups")) }
        for item in exposed.prefix(2) { #expect(item.hasPrefix("state-open") && item.contains("to do</span>")) }
    }
}

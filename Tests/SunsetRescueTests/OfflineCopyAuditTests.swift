import Foundation
import SunsetCore
import SunsetFixtures
import SunsetReport
import Testing

/// The audit recognises a valid bag of the data, on another volume or in a cloud folder, as
/// the offline copy, and ticks the checklist's offline-copy step with it as evidence.
@Suite struct OfflineCopyAuditTests {
    static let step = "invoice2go-classic/keep-offline-copy"

    func audit(_ roots: [String]) throws -> AuditResults {
        let result = try sunset().run(["audit"] + roots + ["--as-of", fixedAsOf, "--format", "json", "--output", "-"])
        try #require(result.status == 0, "stderr: \(result.stderr)")
        return try JSONReporter.decode(Data(result.stdout.utf8))
    }

    func items(_ results: AuditResults) throws -> [ChecklistStep.Item] {
        try #require(results.checklist.first { $0.id == Self.step }, "no \(Self.step) step").items
    }

    /// The sample disk and a bag of it in a second folder ("the USB disk").
    func sampleWithBag(_ name: String) throws -> (volume: VolumeBuilder, usb: VolumeBuilder, bag: String) {
        let volume = try sampleVolume(name)
        let usb = try VolumeBuilder.temporary("usb")
        let bag = usb.url("Invoice2go copy").path
        try #require(try rescue([volume.root.path], to: bag).status == 0)
        return (volume, usb, bag)
    }

    @Test func withoutABagTheStepIsOpenForEveryCompany() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let items = try items(try audit([volume.root.path]))
        #expect(items.map(\.company) == SampleVolume.companies.sorted())
        let raw = try sunset().run(["scan", volume.root.path]).stdout
        #expect(raw.contains("\"companies\"") && !raw.contains("offlineCopies"), "an inventory without a bag encodes as before")
        #expect(items.allSatisfy { !$0.done })
        // Plomberie Martin's only off-machine backup (in OneDrive) is older than its data: shown, not counted.
        for item in items {
            if item.company == "Plomberie Martin" {
                #expect(item.evidence.hasPrefix("outdated copy of 2026-10-20 ("), "\(item.evidence)")
            } else {
                #expect(item.evidence == "no verified offline copy and no readable backup on another volume or in a cloud folder found")
            }
        }
    }

    @Test func aBagOnAnotherVolumeTicksTheStepForEveryCompanyItHolds() throws {
        let (volume, usb, bag) = try sampleWithBag(#function)
        defer { volume.remove(); usb.remove() }
        let results = try audit([volume.root.path, usb.root.path])
        let copy = try #require(results.inventory.offlineCopies?.first)
        #expect(results.inventory.offlineCopies?.count == 1)
        #expect(copy.placement == .otherVolume && copy.verified && copy.check == .checksums)
        #expect(copy.companies == SampleVolume.companies.sorted() && copy.bagged == CalendarDay(fixedAsOf))
        // The bag's own files are a copy, not more companies or backups.
        #expect(results.inventory.companies.count == 3)
        #expect(results.inventory.backups.allSatisfy { $0.file.location.root == 0 })
        for item in try items(results) {
            #expect(item.done, "\(item.company ?? "") not ticked")
            #expect(item.evidence == "verified offline copy \(bag), made \(fixedAsOf)")
        }
    }

    @Test func aBagInACloudFolderCountsButOneBesideTheDataDoesNot() throws {
        let (volume, usb, bag) = try sampleWithBag(#function)
        defer { volume.remove(); usb.remove() }
        let cloud = volume.url("Users/marie/OneDrive/Invoice2go copy").path
        try FileManager.default.moveItem(atPath: bag, toPath: cloud)
        let inCloud = try audit([volume.root.path])
        let copy = try #require(inCloud.inventory.offlineCopies?.first)
        #expect(copy.placement == .cloud && copy.cloudProvider == "OneDrive" && copy.verified)
        #expect(try items(inCloud).allSatisfy { $0.done && $0.evidence.contains(cloud) })
        #expect(inCloud.inventory.companies.count == 3)

        let local = volume.url("Compta/Invoice2go copy").path
        try FileManager.default.moveItem(atPath: cloud, toPath: local)
        let beside = try audit([volume.root.path])
        #expect(beside.inventory.offlineCopies?.first?.placement == .local)
        #expect(try items(beside).allSatisfy { !$0.done })
    }

    @Test func aDamagedOrUnfinishedBagDoesNotCount() throws {
        let (volume, usb, bag) = try sampleWithBag(#function)
        defer { volume.remove(); usb.remove() }
        try flipByte(bag + "/data/Compta/Invoice2go - Atelier Martin/atelier.mdb", at: 10)
        let damaged = try audit([volume.root.path, usb.root.path])
        let copy = try #require(damaged.inventory.offlineCopies?.first)
        #expect(!copy.verified && copy.check == .checksums)
        #expect(copy.problem?.contains("corrupt: data/Compta/Invoice2go - Atelier Martin/atelier.mdb") == true)
        #expect(try items(damaged).allSatisfy { !$0.done })

        try FileManager.default.removeItem(atPath: bag + "/manifest-sha256.txt")
        let unfinished = try audit([volume.root.path, usb.root.path])
        #expect(unfinished.inventory.offlineCopies?.first?.problem == "manifest-sha256.txt is missing")
        #expect(unfinished.inventory.offlineCopies?.first?.check == .structure)
        #expect(try items(unfinished).allSatisfy { !$0.done })
    }

    @Test func aBagMadeByAnotherToolIsNotTakenForSunsetsCopy() throws {
        let (volume, usb, bag) = try sampleWithBag(#function)
        defer { volume.remove(); usb.remove() }
        let info = try String(contentsOfFile: bag + "/bag-info.txt", encoding: .utf8)
        try info.replacingOccurrences(of: "Bag-Software-Agent: sunset", with: "Bag-Software-Agent: bagit.py")
            .write(toFile: bag + "/bag-info.txt", atomically: true, encoding: .utf8)
        let results = try audit([volume.root.path, usb.root.path])
        #expect(results.inventory.offlineCopies == nil)
        #expect(try items(results).allSatisfy { !$0.done })
        // Its files are scanned like any others: the marker folder inside it is a company there.
        #expect(results.inventory.companies.contains { $0.folder.root == 1 && $0.name == "Atelier Martin" })
    }

    @Test func checkingABagDuringAnAuditChangesNothingInIt() throws {
        let (volume, usb, bag) = try sampleWithBag(#function)
        defer { volume.remove(); usb.remove() }
        try SourceUntouchedTests.ageEverything(usb.root.path)
        let before = try SourceUntouchedTests.statuses(usb.root.path)
        let results = try audit([volume.root.path, usb.root.path])
        #expect(results.inventory.offlineCopies?.first?.check == .checksums, "the bag was not read in full")
        #expect(try SourceUntouchedTests.statuses(usb.root.path) == before)
        #expect(FileManager.default.fileExists(atPath: bag + "/bagit.txt"))
    }
}


import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// With several roots, every path in every format names its root, so that `backup.zip` on
/// the USB stick is never confused with `backup.zip` on the disk (issue 12, item 6).
@Suite struct MultiRootTests {
    /// A Windows disk and a USB stick, each with a `backup.zip` of the same company.
    private func twoRoots(_ name: String) throws -> (parent: VolumeBuilder, disk: VolumeBuilder, usb: VolumeBuilder) {
        let parent = try VolumeBuilder.temporary(name)
        let disk = try VolumeBuilder(root: parent.url("disk-c"))
        let usb = try VolumeBuilder(root: parent.url("usb"))
        try disk.folder("Windows/System32")
        try disk.file("Users/marie/Documents/Invoice2go/Dupont/dupont.mdb", Samples.accessDatabase(), modified: fixedNow - 10 * 86_400)
        let entries = [(name: "dupont.mdb", contents: Samples.accessDatabase())]
        try disk.zip("Users/marie/Desktop/backup.zip", entries: entries, modified: fixedNow - 86_400)
        try usb.zip("backup.zip", entries: [(name: "dupont.mdb", contents: Data([1, 2, 3]))], stored: true, modified: fixedNow - 2 * 86_400)
        // Break the USB copy's checksum so that it is a finding (a file subject) on the USB root.
        let url = usb.url("backup.zip")
        var bytes = try Data(contentsOf: url)
        if let index = bytes.firstRange(of: Data([1, 2, 3]))?.lowerBound { bytes[index] = 9 }
        try bytes.write(to: url)
        try usb.setModified(url, fixedNow - 2 * 86_400)
        return (parent, disk, usb)
    }

    private func audit(_ roots: (parent: VolumeBuilder, disk: VolumeBuilder, usb: VolumeBuilder), _ format: String) throws -> String {
        let result = try sunset().run(["audit", roots.disk.root.path, roots.usb.root.path, "--as-of", fixedAsOf,
                                       "--format", format, "--output", "-"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return result.stdout
    }

    @Test func everyFormatNamesTheRootOfEveryPath() throws {
        let roots = try twoRoots(#function)
        defer { roots.parent.remove() }
        let json = try audit(roots, "json")
        let results = try decodeResults(json)
        #expect(results.inventory.roots.map(\.label) == ["disk-c", "usb"])
        let unreadable = try #require(results.findings.first { $0.ruleID == "invoice2go-classic/backup-unreadable" })
        #expect(unreadable.subject.name == "[usb] backup.zip")
        #expect(unreadable.message.hasPrefix("[usb] backup.zip"))
        // Evidence carries its root in JSON.
        #expect(results.inventory.backups.allSatisfy { backup in backup.evidence.allSatisfy { $0.path == nil || $0.root == backup.file.location.root } })
        let missing = try #require(results.checklist.first { $0.id == "invoice2go-classic/backup-each-company" })
        #expect(missing.items.first?.evidence.contains("[disk-c] Users/marie/Desktop/backup.zip") == true)

        let markdown = try audit(roots, "md")
        #expect(markdown.contains("[disk-c]") && markdown.contains("[usb]"))
        #expect(markdown.contains(roots.usb.root.path), "the header names the full root")
        #expect(!markdown.contains("\n- backup.zip"), "a bare path without its root")

        let html = try audit(roots, "html")
        #expect(html.contains("[usb] backup.zip"))
        #expect(html.contains("[disk-c] Users/marie/Desktop/backup.zip"))

        let junit = try audit(roots, "junit")
        #expect(junit.contains("[usb] backup.zip"))
        #expect(junit.contains("<property name=\"root [usb]\" value=\"\(roots.usb.root.path)\"/>"))

        let sarif = try audit(roots, "sarif")
        #expect(sarif.contains("[usb] backup.zip"))
        #expect(sarif.contains("\"uriBaseId\" : \"ROOT1\"") || sarif.contains("\"uriBaseId\":\"ROOT1\""))
    }

    @Test func oneRootShowsBarePaths() throws {
        let roots = try twoRoots(#function)
        defer { roots.parent.remove() }
        let result = try sunset().run(["audit", roots.disk.root.path, "--as-of", fixedAsOf, "--format", "md", "--output", "-"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("[disk-c]"))
        #expect(result.stdout.contains("Users/marie/Desktop/backup.zip"))
    }
}

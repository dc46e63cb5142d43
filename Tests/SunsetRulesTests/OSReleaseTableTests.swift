import Foundation
import SunsetCore
import SunsetRules
import Testing

/// `Rules/os/windows.yaml` and the two host rules that read it.
@Suite struct OSReleaseTableTests {
    static let windows = PackSet.builtInOSReleases.table(for: "windows")

    @Test func theBuiltInTableRunsFromXPToTheLatestWindows11Release() throws {
        let tables = try PackSet.builtInOSTables()
        #expect(tables.map(\.family) == ["windows"])
        let table = try #require(Self.windows)
        #expect(table.releases.first?.name == "Windows XP")
        // Generated from endoflife.date (LifecycleImportTests): 26H1 is the newest release there.
        let client = table.releases.filter { $0.edition == nil }
        #expect(client.last?.name == "Windows 11 26H1")
        #expect(client.count == 25)
        #expect(table.releases.filter { $0.edition == "server" }.count == 11)
        #expect(zip(client, client.dropFirst()).allSatisfy { $0.build < $1.build })
        #expect(table.releases.allSatisfy { $0.endOfSupport > $0.released })
    }

    @Test(arguments: [(7601, "Windows 7"), (6002, "Windows Vista"), (16299, "Windows 10 1709"), (19045, "Windows 10 22H2"),
                      (22631, "Windows 11 23H2"), (26100, "Windows 11 24H2")])
    func aBuildBelongsToItsRelease(build: Int, name: String) throws {
        #expect(try #require(Self.windows).release(forBuild: build)?.name == name)
    }

    /// 1709 (build 16299) came out on 2017-10-17, before support ended; 1803 was the first after.
    @Test(arguments: [(16299, 0), (17134, 1), (19045, 9), (22631, 12), (26200, 14)])
    func releasesAfterTheSupportEndAreCountedUpToTheHostsBuild(build: Int, count: Int) throws {
        let support = CalendarDay("2017-10-31")!
        #expect(try #require(Self.windows).releases(after: support, upToBuild: build) == count)

        var test = TestInventory(asOf: "2026-11-29", host: TestInventory.windows(build: build))
        test.installation()
        let findings = try test.findings(of: "os-changed-since-support-end")
        #expect(findings.count == (count > 0 ? 1 : 0))
        if count > 0 { #expect(findings.first?.message.contains(count == 1 ? "1 release of it has come out" : "\(count) releases of it have come out") == true, "\(findings)") }
    }

    @Test func windows10IsUnsupportedFromTheDayAfterOctober14th2025() throws {
        for (day, fires) in [("2025-10-14", false), ("2025-10-15", true)] {
            var test = TestInventory(asOf: day, host: TestInventory.windows(build: 19045))
            test.installation()
            #expect(try test.findings(of: "host-os-unsupported").count == (fires ? 1 : 0), "as of \(day)")
        }
    }

    @Test func aComingEndOfOSSupportIsReportedWithinTheWarningWindow() throws {
        var test = TestInventory(asOf: "2026-09-13", host: TestInventory.windows(build: 26100))
        test.installation()
        #expect(try test.findings(of: "host-os-support-ending").isEmpty)
        let warned = try test.findings(of: "host-os-support-ending", warnWithin: 30)
        #expect(warned.count == 1)
        // The date itself is the generic operating-system finding's (end-of-life/os-security-support-ending);
        // the pack's own finding says why the coming upgrade matters to its program.
        #expect(warned.first?.message.contains("Support for Windows 11 24H2 ends within the warning period") == true, "\(warned)")
        #expect(warned.first?.message.contains("may stop Invoice2go Classic") == true, "\(warned)")
    }

    @Test func aHostWithoutABuildGetsNoOSFindings() throws {
        var test = TestInventory(asOf: "2026-11-29", host: HostOS(family: "windows", name: "Windows (version not read)",
                                                                  isRunningSystem: false))
        test.installation()
        let hostFindings = try test.findings().filter { $0.subject.kind == .host }
        #expect(hostFindings.isEmpty)
    }

    @Test func aRulesFoldersOSTableReplacesTheBuiltInOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-os-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("os"), withIntermediateDirectories: true)
        let table = "version: 1\nos: windows\nreleases:\n  - {name: Windows 12, build: 30000, released: 2027-01-01, end-of-support: 2029-01-01}\n"
        try table.write(to: folder.appendingPathComponent("os/windows.yaml"), atomically: true, encoding: .utf8)

        let releases = try PackSet.osReleases(extra: [folder.path])
        #expect(releases.table(for: "windows")?.releases.map(\.name) == ["Windows 12"])
        #expect(releases.table(for: "windows")?.source == folder.appendingPathComponent("os/windows.yaml").path)
        #expect(try PackSet.load(extra: [folder.path]).map(\.id) == ["end-of-life", "invoice2go-classic"], "no pack in the folder, only a table")
    }

    static let brokenTables: [(String, String, Int)] = [
        ("  - {name: B, build: 5, released: 2001-01-01, end-of-support: 2002-01-01}", "builds must increase down the list", 6),
        ("  - {name: A, build: 20, released: 2001-01-01, end-of-support: 2002-01-01}", "duplicate release 'A'", 6),
        ("  - {name: C, build: 20, released: 2003-01-01, end-of-support: 2002-01-01}", "support cannot end (2002-01-01) before", 6),
        ("  - {name: C, build: 20, released: 2003-01-01, end-of-suport: 2004-01-01}", "did you mean 'end-of-support'?", 6),
    ]

    @Test(arguments: brokenTables)
    func aBrokenTableIsRefusedWithItsLine(line: String, message: String, number: Int) throws {
        let text = "version: 1\nos: acme\nreleases:\n  - {name: A, build: 10, released: 2001-01-01, end-of-support: 2002-01-01}\n"
            + "  - {name: Z, build: 15, released: 2001-06-01, end-of-support: 2002-01-01}\n" + line + "\n"
        #expect {
            _ = try OSReleaseTable.load(yaml: text, file: "acme.yaml")
        } throws: { error in
            let error = error as? RulePackError
            return error?.line == number && error?.description.contains(message) == true
        }
    }
}

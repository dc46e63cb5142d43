import Foundation
import SunsetCore
@testable import SunsetRules
import Testing

/// Where the data splits a version into several cycles (SQL Server's service packs, Internet
/// Explorer's editions), the installed build picks the cycle; when nothing can, the cycle that
/// ends last is taken and said to be a lower bound.
@Suite struct CycleChoiceTests {
    static let set = Result { try LifecycleSet.builtIn() }

    func match(_ name: String, _ version: String?, host: HostOS? = nil) throws -> ProgramLifecycle {
        let program = InstalledProgram(name: name, version: version,
                                       hive: Location(root: 0, path: VolumePath("Windows/System32/config/SOFTWARE")), key: "k")
        return try #require(try Self.set.get().lifecycle(of: program, host: host), "\(name) matched nothing")
    }

    func windows(_ name: String, edition: String) -> HostOS {
        var host = HostOS(family: "windows", name: name, isRunningSystem: false)
        host.edition = edition
        return host
    }

    func day(_ text: String) -> SupportEnd { .date(CalendarDay(text)!) }

    // MARK: - SQL Server

    @Test func sqlServer2012ServicePack4GetsItsOwnDates() throws {
        let sql = try match("Microsoft SQL Server 2012 (64-bit)", "11.0.7001.0")
        #expect(sql.cycle == "11.0-sp4")
        #expect(sql.securitySupportEnd == day("2022-07-12"))
        #expect(sql.extendedSupportEnd == day("2025-07-08"))
        #expect(sql.lowerBound == nil)
        #expect(sql.cycleLabel == "2012 'Denali' SP4")
        let evidence = try #require(sql.evidence.first)
        #expect(evidence.confidence == .high)
        #expect(evidence.detail.contains("within 11.0-sp4's builds (from 11.0.7001"))
    }

    @Test func sqlServer2014ServicePack3GetsItsOwnDates() throws {
        let sql = try match("Microsoft SQL Server 2014 (64-bit)", "12.0.6024.0")
        #expect(sql.cycle == "12.0-sp3")
        #expect(sql.securitySupportEnd == day("2024-07-09"))
        #expect(sql.lowerBound == nil && sql.evidence.first?.confidence == .high)
    }

    @Test func anRTMBuildKeepsTheRTMCycle() throws {
        let sql = try match("Microsoft SQL Server 2012 Express", "11.0.2100.60")
        #expect(sql.cycle == "11.0")
        #expect(sql.securitySupportEnd == day("2014-01-14"))
        #expect(sql.lowerBound == nil && sql.evidence.first?.confidence == .high)
    }

    @Test(arguments: [
        ("Microsoft SQL Server 2008 R2", "10.50.1600.1", "10.50-r2"),
        ("Microsoft SQL Server 2008 R2", "10.50.6000.34", "10.50-sp3"),
        ("Microsoft SQL Server 2008", "10.0.5500.0", "10.00-sp3"),
        ("Microsoft SQL Server 2008", "10.0.6000.29", "10.0-sp4"),
        ("Microsoft SQL Server 2012", "11.0.3000.0", "11.0-sp1"),
        ("Microsoft SQL Server 2012", "11.0.5058.0", "11.0-sp2"),
        ("Microsoft SQL Server 2012", "11.0.6020.0", "11.0-sp3"),
        ("Microsoft SQL Server 2012", "11.0.7507.2", "11.0-sp4"),
        ("Microsoft SQL Server 2014", "12.0.2000.8", "12.0"),
        ("Microsoft SQL Server 2014", "12.0.4100.1", "12.0-sp1"),
        ("Microsoft SQL Server 2014", "12.0.5000.0", "12.0-sp2"),
        ("Microsoft SQL Server 2016 (64-bit)", "13.0.1601.5", "13.0"),
        ("Microsoft SQL Server 2016 (64-bit)", "13.0.5026.0", "13.0-sp2"),
        ("Microsoft SQL Server 2016 (64-bit)", "13.0.6300.2", "13.0-sp3"),
        ("Microsoft SQL Server 2016 (64-bit)", "13.0.7000.253", "13.0-sp3-acp"),
        ("Microsoft SQL Server 2017 (64-bit)", "14.0.1000.169", "14.0"),
        // 2005: no match data; the data's `latest` values order the service packs.
        ("Microsoft SQL Server 2005", "9.00.3042.00", "9.00-sp2"),
        ("Microsoft SQL Server 2005", "9.00.5000.00", "9.0-sp4"),
    ] as [(String, String, String)])
    func eachServicePackBuildGetsItsCycle(_ name: String, _ version: String, _ cycle: String) throws {
        let sql = try match(name, version)
        #expect(sql.cycle == cycle)
        #expect(sql.lowerBound == nil && sql.evidence.first?.confidence == .high)
    }

    @Test func withoutABuildTheCycleThatEndsLastIsALowerBound() throws {
        let sql = try match("Microsoft SQL Server 2012", nil)
        #expect(sql.cycle == "11.0-sp4")
        #expect(sql.securitySupportEnd == day("2022-07-12") && sql.extendedSupportEnd == day("2025-07-08"))
        #expect(sql.lowerBound == true)
        let evidence = try #require(sql.evidence.first)
        #expect(evidence.confidence == .medium)
        #expect(evidence.detail.contains("the data splits 11.0 into"))
        #expect(evidence.detail.contains("no version places it"))
        #expect(evidence.detail.contains("whose support ends last"))
        #expect(evidence.detail.contains("at least until"))
    }

    @Test func aBuildBetweenTwoServicePacksIsALowerBound() throws {
        // Above SP3's last build (11.0.6614.2), below SP4's first (11.0.7001).
        let sql = try match("Microsoft SQL Server 2012", "11.0.6800.0")
        #expect(sql.cycle == "11.0-sp4" && sql.lowerBound == true)
        #expect(sql.evidence.first?.detail.contains("lies outside the builds of every one of them") == true)
    }

    /// The match data's first builds agree with the data's last ones: each service pack starts
    /// after the one before it ended, and no cycle's `latest` is below its own first build.
    @Test func theMatchDataBuildsAgreeWithTheDatasLatest() throws {
        let product = try #require(try Self.set.get().products.first { $0.id == "mssqlserver" })
        #expect(product.cycleMatch.count == 23)
        for base in ["10.0", "10.50", "11.0", "12.0", "13.0"] {
            let ranges = CycleChoice.ranges(product.candidates(for: base), match: product.cycleMatch)
            #expect(ranges.count == product.candidates(for: base).count, "\(base)")
            for (index, range) in ranges.enumerated() {
                let from = try #require(range.from, "\(range.cycle.cycle) has no first build")
                let latest = try #require(range.cycle.latest.flatMap(LifecycleCycle.leadingNumbers))
                #expect(LifecycleCycle.compare(from, latest) != .orderedDescending, "\(range.cycle.cycle)")
                if index > 0, let before = ranges[index - 1].cycle.latest.flatMap(LifecycleCycle.leadingNumbers) {
                    #expect(LifecycleCycle.compare(before, from) == .orderedAscending, "\(range.cycle.cycle) starts before the last build of the one before")
                }
            }
        }
    }

    // MARK: - Other products

    @Test func officeCyclesThatShareTheirDatesNeedNoChoice() throws {
        let office = try match("Microsoft Office Professional Plus 2024", "16.0.17932.20114")
        #expect(office.cycle == "2024" && office.lowerBound == nil)
        #expect(office.evidence.first?.confidence == .high)
        #expect(office.evidence.first?.detail.contains("share the same dates") == true)
        // Office 2010 is one cycle (its label names the service pack the dates are for).
        let old = try match("Microsoft Office Professional Plus 2010", "14.0.7015.1000")
        #expect(old.cycle == "2010" && old.cycleLabel == "2010 SP2" && old.lowerBound == nil)
    }

    @Test func theHostsEditionPicksInternetExplorersCycle() throws {
        let desktop = try match("Internet Explorer", "11.0.9600.19596", host: windows("Windows 7", edition: "Professional"))
        #expect(desktop.cycle == "11" && desktop.lowerBound == nil)
        #expect(desktop.securitySupportEnd == day("2022-06-14"))
        #expect(desktop.evidence.first?.confidence == .high)
        #expect(desktop.evidence.first?.detail.contains("on host 'Windows 7 Professional' that leaves 11") == true)
        let server = try match("Internet Explorer", "11.0.9600.19596", host: windows("Windows Server 2019", edition: "ServerStandard"))
        #expect(server.cycle == "11-server" && server.lowerBound == nil)
        #expect(server.securitySupportEnd == day("2031-10-14"))
        // LTSB, LTSC and IoT share their dates: any of them will do, and says so.
        let ltsc = try match("Internet Explorer", "11.0.9600.19596", host: windows("Windows 10 1809", edition: "IoTEnterpriseS"))
        #expect(ltsc.securitySupportEnd == day("2031-10-14") && ltsc.lowerBound == nil)
        #expect(ltsc.evidence.first?.detail.contains("share the same dates") == true)
    }

    @Test func withoutAHostInternetExplorerIsALowerBound() throws {
        let ie = try match("Internet Explorer", "11.0.9600.19596")
        #expect(ie.cycle == "11-ltsb" && ie.lowerBound == true)
        #expect(ie.securitySupportEnd == day("2031-10-14"))
        #expect(ie.evidence.first?.confidence == .medium)
        #expect(ie.evidence.first?.detail.contains("11, 11-ltsb, 11-ltsc, 11-server, 11-embedded") == true)
        #expect(ie.evidence.first?.detail.contains("the host's edition, which decides among them, is unknown") == true)
    }

    // MARK: - Match data

    @Test func theCyclesSectionIsCheckedStrictly() throws {
        let generated = [("mssqlserver.yaml", try String(contentsOf: LifecycleImportTests.packs.appendingPathComponent("mssqlserver.yaml"), encoding: .utf8))]
        func error(_ text: String) -> RulePackError? {
            #expect(throws: RulePackError.self) { try LifecycleSet.join(generated: generated, match: [("m.yaml", text)]) }
        }
        let head = "version: 1\nlifecycle: mssqlserver\n"
        let unknown = error(head + "cycles:\n  11.0-sp5: {from: 11.0.8000}\n")
        #expect(unknown?.line == 4 && unknown?.description.contains("did you mean") == true)
        #expect(error(head + "cycles:\n  11.0-sp4: {form: 11.0.7001}\n")?.description.contains("unknown key 'form'") == true)
        #expect(error(head + "cycles:\n  11.0-sp4: {from: SP4}\n")?.line == 4)
        #expect(error(head + "cycles:\n  11.0-sp4: {}\n")?.line == 4)
        #expect(error(head + "cycles:\n  11.0-sp4: {hosts: []}\n")?.line == 4)
        #expect(error(head + "cycles:\n  11.0-sp4: {from: 11.0.7001, to: 11.0.2}\n")?.description.contains("above") == true)
        #expect(error(head + "programs: [{name: '^SQL', cycle: '99.0'}]\n")?.line == 3)
        #expect(error(head + "programs: [{name: '^SQL', cycle: '11.0', cycle-parts: 2}]\n")?.line == 3)
    }
}

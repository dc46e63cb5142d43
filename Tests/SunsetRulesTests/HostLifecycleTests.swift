import Foundation
import SunsetCore
@testable import SunsetRules
import Testing

/// Each host's system against the built-in `windows`, `windows-server` and `macos` packs: the
/// build picks the release, the edition picks the servicing channel, and what cannot be told
/// is taken at the latest-ending candidate with the reason.
@Suite struct HostLifecycleTests {
    static let packs = try! LifecycleSet.builtIn()

    func windows(_ version: String, edition: String? = nil, type: String? = nil, product: String? = nil,
                 servicePack: String? = nil) -> HostOS {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        var host = HostOS(family: "windows", name: product ?? "Windows", version: version, build: parts.count > 2 ? parts[2] : nil,
                          isRunningSystem: false)
        host.edition = edition
        host.installationType = type
        host.productName = product
        host.servicePack = servicePack
        return host
    }

    func end(_ lifecycle: ProgramLifecycle?) -> String? { lifecycle?.securitySupportEnd.map(String.init(describing:)) }

    @Test(arguments: [
        // version, EditionID, InstallationType, ProductName, CSDVersion → cycle, end of security support
        ("6.1.7601", "Professional", "Client", "Windows 7 Professional", "Service Pack 1", "7-sp1", "2020-01-14"),
        ("6.1.7600", "Professional", nil, "Windows 7 Professional", nil, "7-sp1", "2020-01-14"),
        ("6.3.9600", "Core", "Client", "Windows 8.1", nil, "8.1", "2023-01-10"),
        ("10.0.19045", "Professional", "Client", "Windows 10 Pro", nil, "10-22h2", "2025-10-14"),
        ("10.0.19044", "Enterprise", "Client", "Windows 10 Enterprise", nil, "10-21h2-e", "2024-06-11"),
        ("10.0.17763", "EnterpriseS", "Client", "Windows 10 Enterprise LTSC 2019", nil, "10-1809-e-lts", "2029-01-09"),
        ("10.0.17763", "Professional", "Client", "Windows 10 Pro", nil, "10-1809-w", "2020-11-10"),
        ("10.0.22631", "Education", "Client", "Windows 10 Education", nil, "11-23h2-e", "2026-11-10"),
        ("10.0.22631", "Core", "Client", "Windows 10 Home", nil, "11-23h2-w", "2025-11-11"),
        ("6.3.9600", "ServerStandard", "Server", "Windows Server 2012 R2 Standard", nil, "2012-r2", "2023-10-10"),
        ("6.3.9600", nil, "Server", nil, nil, "2012-r2", "2023-10-10"),
        ("10.0.17763", "ServerStandard", "Server", "Windows Server 2019 Standard", nil, "2019", "2029-01-09"),
        ("5.2.3790", "ServerStandard", nil, "Microsoft Windows Server 2003", "Service Pack 1", "2003-sp1", "2009-04-14"),
        ("5.2.3790", "ServerStandard", nil, "Microsoft Windows Server 2003", nil, "2003", "2007-04-10"),
        ("6.1.7600", "ServerStandard", "Server", "Windows Server 2008 R2 Standard", nil, "2008-r2-sp1", "2020-01-14"),
    ] as [(String, String?, String?, String?, String?, String, String)])
    func theBuildAndEditionPickTheCycle(_ test: (String, String?, String?, String?, String?, String, String)) throws {
        let host = windows(test.0, edition: test.1, type: test.2, product: test.3, servicePack: test.4)
        let lifecycle = try #require(Self.packs.lifecycle(of: host), "\(test)")
        #expect(lifecycle.cycle == test.5, "\(test): \(lifecycle.evidence)")
        #expect(end(lifecycle) == test.6, "\(test)")
        #expect(!lifecycle.isLowerBound, "\(test): \(lifecycle.undecided ?? "")")
    }

    @Test func aServerIsNeverItsClientTwin() throws {
        let server = try #require(Self.packs.lifecycle(of: windows("6.3.9600", type: "Server")))
        #expect(server.product == "windows-server" && server.extendedSupportEnd == .date(CalendarDay("2026-10-13")!))
        let client = try #require(Self.packs.lifecycle(of: windows("6.3.9600", type: "Client")))
        #expect(client.product == "windows" && client.cycle == "8.1")
    }

    @Test func whatCannotBeToldTakesTheLastEndingCandidateAndSaysWhy() throws {
        // No EditionID: Home/Pro and Enterprise/Education of 23H2 end a year apart.
        let unknown = try #require(Self.packs.lifecycle(of: windows("10.0.22631")))
        #expect(unknown.cycle == "11-23h2-e" && unknown.isLowerBound && end(unknown) == "2026-11-10")
        #expect(unknown.undecided?.contains("11-23h2-w") == true)
        #expect(unknown.evidence.first?.confidence == .medium)
        // The long-term channels need their EditionID: never an unknown edition's answer.
        let ltsc = try #require(Self.packs.lifecycle(of: windows("10.0.19044")))
        #expect(ltsc.cycle == "10-21h2-e" && ltsc.isLowerBound)
        // Server Core of build 17763 is Windows Server 2019 or the 1809 semi-annual release.
        let core = try #require(Self.packs.lifecycle(of: windows("10.0.17763", type: "Server Core")))
        #expect(core.cycle == "2019" && core.isLowerBound && core.undecided?.contains("1809-sac") == true)
        // With the desktop installed, it cannot be the semi-annual release.
        let desktop = try #require(Self.packs.lifecycle(of: windows("10.0.17763", type: "Server")))
        #expect(desktop.cycle == "2019" && !desktop.isLowerBound)
    }

    @Test func aBuildBeforeItsLastServicePackIsCoveredByItAndSaysSo() throws {
        let rtm = try #require(Self.packs.lifecycle(of: windows("6.1.7600", edition: "Professional")))
        #expect(rtm.cycle == "7-sp1" && rtm.evidence.first?.confidence == .medium)
        #expect(rtm.evidence.first?.detail.contains("nearest above") == true)
    }

    @Test func macOSIsJudgedByItsVersion() throws {
        let sonoma = try #require(Self.packs.lifecycle(of: HostOS(family: "macos", name: "macOS 14.5", version: "14.5", isRunningSystem: true)))
        #expect(sonoma.cycle == "14")
        let catalina = try #require(Self.packs.lifecycle(of: HostOS(family: "macos", name: "macOS 10.15.7", version: "10.15.7", isRunningSystem: true)))
        #expect(catalina.cycle == "10.15" && end(catalina) == "2026-02-02")
    }

    @Test func systemsNoPackDescribesAreNotJudged() {
        #expect(Self.packs.lifecycle(of: HostOS(family: "linux", name: "Debian GNU/Linux 12", version: "12", isRunningSystem: true)) == nil)
        #expect(Self.packs.lifecycle(of: HostOS(family: "windows", name: "Windows (version not read)", isRunningSystem: false)) == nil)
        #expect(Self.packs.lifecycle(of: .none) == nil)
    }

    @Test func theHostMatchDataIsCheckedStrictly() throws {
        let text = """
            version: 1
            lifecycle: windows
            host:
              family: windows
              match-by: newest
            """
        #expect(throws: RulePackError.self) { try LifecycleFile.loadMatch(text, file: "match.yaml") }
        let noCondition = """
            version: 1
            lifecycle: windows
            host:
              family: windows
              match-by: latest
              editions:
                - cycles: ['*-e']
            """
        #expect(throws: RulePackError.self) { try LifecycleFile.loadMatch(noCondition, file: "match.yaml") }
    }

    /// A scan that read no registry loads only the systems' products, and they judge alike.
    @Test func theSystemsOnlySetHoldsTheHostProductsAndJudgesTheSame() throws {
        let systems = try LifecycleSet.builtIn(systemsOnly: true)
        #expect(systems.products.map(\.id) == ["macos", "windows", "windows-server"])
        for host in [windows("6.1.7601", edition: "Professional"), windows("6.3.9600", type: "Server"), windows("10.0.22631")] {
            #expect(systems.lifecycle(of: host) == Self.packs.lifecycle(of: host))
        }
    }

    /// Every listed host lands in the inventory once, as a program, and on every root it runs.
    @Test func annotateListsEachHostOnceAmongThePrograms() {
        var host = windows("10.0.19045", edition: "Professional", type: "Client", product: "Windows 10 Pro")
        host.name = "Windows 10 22H2"
        var inventory = Inventory(roots: [ScanRoot(index: 0, path: "/c", isWindowsVolume: true, host: host),
                                          ScanRoot(index: 1, path: "/d", isWindowsVolume: false, host: host),
                                          ScanRoot(index: 2, path: "/usb", isWindowsVolume: false, host: .none)])
        Self.packs.annotateHosts(&inventory)
        #expect(inventory.installedPrograms?.filter(\.isOperatingSystem).count == 1)
        #expect(inventory.roots[0].host.lifecycle?.cycle == "10-22h2" && inventory.roots[1].host.lifecycle?.cycle == "10-22h2")
        #expect(inventory.roots[2].host.lifecycle == nil)
    }
}

import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// The Windows release from the SOFTWARE hive, alone and beside the kernel file.
@Suite struct RegistryHostTests {
    @Test func windows10ProWithBuild22631IsWindows11_23H2() throws {
        let volume = try windowsVolume(#function, software: .software11)
        defer { volume.remove() }
        let host = try #require(try scan(volume).roots.first).host
        #expect(host.name == "Windows 11 23H2")
        #expect(host.build == 22631)
        #expect(host.version == "10.0.22631.2861")
        #expect(host.edition == "Professional")
        #expect(host.displayVersion == "23H2")
        #expect(host.ubr == 2861)
        #expect(host.installDate == ISO8601DateFormatter().date(from: "2023-12-06T09:14:00Z"))
        #expect(host.conflicts == nil)
        let evidence = try #require(host.evidence.first { $0.signature == "host.registry-version" })
        #expect(evidence.confidence == .high)
        #expect(evidence.path?.description == "Windows/System32/config/SOFTWARE")
        #expect(evidence.detail.contains("ProductName 'Windows 10 Pro'"))
    }

    @Test func theKernelAndTheRegistryAgreeingKeepsBothAsEvidence() throws {
        let volume = try windowsVolume(#function, software: .software11, kernel: "ntoskrnl-22631")
        defer { volume.remove() }
        let host = try #require(try scan(volume).roots.first).host
        #expect(host.name == "Windows 11 23H2")
        #expect(host.conflicts == nil)
        #expect(host.evidence.map(\.signature) == ["host.kernel-version", "host.registry-version"])
    }

    @Test func aRegistryThatDisagreesWithTheKernelIsReported() throws {
        let volume = try windowsVolume(#function, software: .software11, kernel: "ntoskrnl-19045")
        defer { volume.remove() }
        let host = try #require(try scan(volume).roots.first).host
        #expect(host.name == "Windows 11 23H2")
        #expect(host.build == 22631)
        let conflict = try #require(host.conflicts?.first)
        #expect(host.conflicts?.count == 1)
        #expect(conflict.contains("build 22631") && conflict.contains("build 19045"))
        #expect(conflict.contains("Windows/System32/ntoskrnl.exe") && conflict.contains("Windows 10"))
        #expect(host.evidence.map(\.signature) == ["host.kernel-version", "host.registry-version", "host.conflict"])
        #expect(host.evidence[0].detail.contains("10.0.19045"))
    }

    @Test func windows7HasNoReleaseLabel() throws {
        let volume = try windowsVolume(#function, software: .software7)
        defer { volume.remove() }
        let host = try #require(try scan(volume).roots.first).host
        #expect(host.name == "Windows 7")
        #expect(host.version == "6.1.7601")
        #expect(host.displayVersion == nil)
        #expect(host.evidence.contains { $0.detail.contains("Service Pack 1") })
    }

    @Test func aTruncatedHiveIsACoverageGapNotACrash() throws {
        let volume = try windowsVolume(#function, users: ["marie": .marie], kernel: "ntoskrnl-22631")
        defer { volume.remove() }
        let whole = try HiveFixture.software11.data
        try volume.file("Windows/System32/config/SOFTWARE", whole.prefix(whole.count / 2 + 100))
        try volume.file("Users/paul/NTUSER.DAT", Data("regf".utf8))
        let inventory = try scan(volume)
        let host = try #require(inventory.roots.first).host
        #expect(host.name == "Windows 11")  // from the kernel: the hive's version key is past the cut
        let gaps = inventory.coverage.gaps.filter { $0.reason.hasPrefix("registry hive") }
        #expect(gaps.contains { $0.location.path.description == "Windows/System32/config/SOFTWARE" && $0.reason.contains("truncated") })
        #expect(gaps.contains { $0.location.path.description == "Users/paul/NTUSER.DAT" })
        #expect(inventory.installedPrograms?.map(\.name) == ["Microsoft OneDrive"])  // marie's hive is whole
    }
}

import Foundation
import SunsetCore
import SunsetFixtures
@testable import SunsetScan
import Testing

/// Which operating system a root's data lives on.
@Suite struct HostTests {
    func windowsVolume(_ name: String, kernel: String) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        try volume.file("Windows/System32/ntoskrnl.exe", Data(contentsOf: fixtures.appendingPathComponent("pe/\(kernel).exe")))
        try volume.folder("Users/marie/Documents")
        return volume
    }

    @Test(arguments: [("ntoskrnl-22631", "Windows 11", 22631), ("ntoskrnl-19045", "Windows 10", 19045),
                      ("ntoskrnl-7601-32", "Windows 7", 7601)])
    func theKernelBuildDecidesTheRelease(kernel: String, name: String, build: Int) throws {
        let volume = try windowsVolume(#function + kernel, kernel: kernel)
        defer { volume.remove() }
        let root = try #require(try scan(volume).roots.first)
        #expect(root.isWindowsVolume)
        #expect(root.host.family == "windows")
        #expect(root.host.name == name)
        #expect(root.host.build == build)
        #expect(root.host.evidence.first?.signature == "host.kernel-version")
        #expect(root.host.evidence.first?.confidence == .high)
    }

    @Test func aWindowsVolumeIsRecognisedInAnyCase() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.folder("PROGRAM FILES (X86)/Something")
        let root = try #require(try scan(volume).roots.first)
        #expect(root.isWindowsVolume)
        #expect(root.host.name == "Windows (version not read)")
    }

    @Test func aBrokenKernelImageIsACoverageNoteNotACrash() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Windows/System32/ntoskrnl.exe", Data("MZ but nothing more".utf8))
        let inventory = try scan(volume)
        #expect(inventory.roots.first?.host.build == nil)
        #expect(inventory.coverage.gaps.contains { $0.location.path.description == "Windows/System32/ntoskrnl.exe" })
    }

    @Test func aPlainFolderHasNoOperatingSystem() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("notes.txt", text: "hello")
        let root = try #require(try scan(volume).roots.first)
        #expect(!root.isWindowsVolume)
        #expect(root.host.isNone)
        #expect(!root.host.isRunningSystem)
        #expect(root.host.evidence.isEmpty)
    }

    @Test func theSystemsRootAndTheHomeFolderAreTheRunningSystem() throws {
        #expect(HostDetector.isRunningSystemPlace("/"))
        #expect(HostDetector.isRunningSystemPlace(NSHomeDirectory()))
        #expect(HostDetector.isRunningSystemPlace(NSHomeDirectory() + "/"))
        #expect(!HostDetector.isRunningSystemPlace(FileManager.default.temporaryDirectory.path))
        let running = HostDetector.runningSystem()
        #expect(running.isRunningSystem)
        #expect(running.family == "linux")
        #expect(running.evidence.contains { $0.signature == "host.os-release" })
    }
}

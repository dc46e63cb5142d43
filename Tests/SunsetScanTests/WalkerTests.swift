import Foundation
import Glibc
import SunsetCore
import SunsetFixtures
import SunsetScan
import Testing

/// The walk on awkward trees: it always ends, never opens what it must not, loses no name.
@Suite struct WalkerTests {
    @Test func aFIFOInACompanyFolderDoesNotHangTheScan() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let folder = try company(volume, "Dupont")
        #expect(mkfifo(volume.url("\(folder)/pipe").path, 0o644) == 0)
        let inventory = try scan(volume)  // would block forever if the FIFO were opened
        #expect(inventory.coverage.specialFiles == 1)
        #expect(inventory.companies.map(\.name) == ["Dupont"])
    }

    @Test func aSocketIsCountedNotOpened() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try company(volume, "Dupont")
        let path = volume.url("Users/marie/Documents/Invoice2go/Dupont/agent.sock").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() where index < buffer.count - 1 { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        let inventory = try scan(volume)
        #expect(inventory.coverage.specialFiles == 1)
    }

    @Test func symlinkLoopsTerminateAndLinksAreNotFollowed() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let folder = try company(volume, "Dupont")
        try FileManager.default.createSymbolicLink(atPath: volume.url("\(folder)/loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: volume.url("a").path, withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: volume.url("b").path, withDestinationPath: "a")
        try FileManager.default.createSymbolicLink(atPath: volume.url("outside").path, withDestinationPath: "/etc")
        let inventory = try scan(volume)
        #expect(inventory.coverage.symlinks == 4)
        #expect(inventory.companies.first?.dataFiles.count == 1)
    }

    @Test func aTenThousandDeepTreeIsWalked() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        // Built with mkdirat from each new folder: the full path is far beyond PATH_MAX.
        var fd = open(volume.root.path, O_RDONLY | O_DIRECTORY)
        for _ in 0..<10_000 {
            #expect(mkdirat(fd, "d", 0o755) == 0)
            let next = openat(fd, "d", O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
        }
        let file = openat(fd, "Invoice2go backup.zip", O_WRONLY | O_CREAT, 0o644)
        close(file)
        close(fd)
        let inventory = try scan(volume)
        #expect(inventory.coverage.directories == 10_000)
        #expect(inventory.coverage.files == 1)
        #expect(inventory.coverage.gaps.isEmpty, "\(inventory.coverage.gaps.prefix(2))")
        let path = try #require(inventory.backups.first?.file.location.path)
        #expect(path.components.count == 10_001)
        #expect(inventory.backups.first?.problem == "empty file")
    }

    @Test func excludedPathsAreNotWalked() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try company(volume, "Dupont")
        try company(volume, "Leroy", user: "paul")
        let inventory = try scan(volume, excludes: ["Users/paul"])
        #expect(inventory.companies.map(\.name) == ["Dupont"])
    }

    @Test func onlyCandidateFilesAreOpened() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try company(volume, "Dupont")
        for index in 0..<50 { try volume.file("Users/marie/Pictures/img\(index).jpg", Data([0xFF, 0xD8, 0xFF])) }
        let inventory = try scan(volume)
        #expect(inventory.coverage.files == 51)
        #expect(inventory.coverage.candidates == 1)
    }
}

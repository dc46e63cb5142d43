import Foundation
import Glibc
import SunsetCore
import SunsetFixtures
import Testing

/// `sunset scan` as a user runs it: versioned JSON, names kept byte for byte, nothing changed.
@Suite struct ScanCommandTests {
    @Test func aNameThatIsNotUTF8RoundTripsThroughTheJSON() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let folder = "Users/marie/Documents/Invoice2go/Caf\u{E9}"
        try volume.file("\(folder)/company.mdb", Samples.accessDatabase())
        // A Latin-1 name as an old FAT disk may hold: "Facture-été.pdf" with é as the single byte 0xE9.
        let latin1: [UInt8] = Array("Facture-".utf8) + [0xE9] + Array("t".utf8) + [0xE9] + Array(".pdf".utf8)
        let parent = volume.url(folder).path
        let fd = (Array(parent.utf8) + [UInt8(ascii: "/")] + latin1 + [0]).withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(fd >= 0)
        let pdf = Array(Samples.pdf())
        _ = pdf.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)

        let result = try sunset().run(["scan", volume.root.path, "--output", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let document = try decoder.decode(InventoryDocument.self, from: Data(result.stdout.utf8))
        #expect(document.schemaVersion == 1)
        let files = try #require(document.inventory.companies.first).dataFiles.map(\.location.path)
        let expected = VolumePath(bytes: Array("\(folder)/".utf8) + latin1)
        #expect(files.contains(expected), "\(files)")
        #expect(result.stdout.contains("\"base64\""))
    }

    @Test func scanningChangesNothingInTheTree() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let old = Date(timeIntervalSince1970: 1_500_000_000)
        try TreeState.setAccessTimes(volume.root, to: old)
        let before = try TreeState.record(volume.root)
        for arguments in [["scan", volume.root.path, "--output", "-"],
                          ["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "md", "--output", "-"]] {
            let result = try sunset().run(arguments)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let after = try TreeState.record(volume.root)
        #expect(before.count > 10)
        #expect(before == after)
    }

    @Test func theProgressLineShowsOnlyOnATerminal() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        for index in 0..<300 { try volume.file("Users/u\(index % 3)/d\(index)/note.txt", text: "x") }
        // Piped: stderr is not a terminal, so nothing is drawn.
        let piped = try sunset().run(["scan", volume.root.path, "--output", "-"])
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty)
        // Under `script`, stderr is a pseudo-terminal: the line is drawn, then erased.
        let command = "'\(try sunset().executable.path)' scan '\(volume.root.path)' --output - >/dev/null"
        let terminal = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/script")).run(["-qec", command, "/dev/null"])
        #expect(terminal.status == 0)
        #expect(terminal.stdout.contains("scanning: "), "\(terminal.stdout)")
        #expect(terminal.stdout.contains("files walked"))
        #expect(terminal.stdout.contains("\r\u{1B}[K"), "the line is erased at the end")
    }
}

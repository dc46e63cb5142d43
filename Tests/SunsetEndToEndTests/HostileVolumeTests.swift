import Foundation
import Glibc
import SunsetCore
import SunsetFixtures
import Testing

/// Old disks hold odd things; the binary must end, stay within bounds and lose nothing.
@Suite(.serialized) struct HostileVolumeTests {
    @Test func oddNamesSurviveEveryFormat() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let long = String(repeating: "x", count: 251) + ".pdf"  // 255 bytes, the most a name may have
        let names = ["<script>alert(1)<", "a|b`c`*d*_e_[f](g)", "line\nbreak", "&amp; \"quoted\" 'single'", long]
        for (index, name) in names.enumerated() {
            try volume.file("Users/marie/Documents/Invoice2go/Co\(index) \(name.prefix(40))/\(name)", Samples.pdf())
        }
        let output = try VolumeBuilder.temporary("out")
        defer { output.remove() }
        let result = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "md,html,json",
                                       "--output", output.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: output.url("report.html"), encoding: .utf8)
        let markdown = try String(contentsOf: output.url("report.md"), encoding: .utf8)
        #expect(!html.contains("<script>alert(1)<"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;"))
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("line\nbreak"))
        let results = try decodeResults(try String(contentsOf: output.url("results.json"), encoding: .utf8))
        let files = results.inventory.companies.flatMap(\.dataFiles).map(\.location.path.lastComponent)
        #expect(Set(files) == Set(names))
    }

    @Test func aHundredThousandFilesInOneFolder() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let folder = volume.url("Users/marie/Documents/Invoice2go/Dupont").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for index in 0..<100_000 {
            let fd = open("\(folder)/n\(index).txt", O_WRONLY | O_CREAT, 0o644)
            close(fd)
        }
        try volume.file("Users/marie/Documents/Invoice2go/Dupont/company.mdb", Samples.accessDatabase())
        let result = try sunset().run(["scan", volume.root.path, "--output", "-"])
        #expect(result.status == 0)
        let document = try JSONDecoder.iso8601.decode(InventoryDocument.self, from: Data(result.stdout.utf8))
        #expect(document.inventory.coverage.files == 100_001)
        #expect(document.inventory.companies.first?.dataFiles.count == 1)
    }

    @Test func aHundredGigabyteSparseFileIsNeverReadThrough() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Users/marie/Documents/Invoice2go/Dupont/company.mdb", Samples.accessDatabase())
        for name in ["Users/marie/Documents/Invoice2go/Dupont/huge.dat", "Backups/Dupont backup.zip", "Backups/Dupont backup.bak"] {
            let url = try volume.file(name, Data())
            #expect(truncate(url.path, 100 << 30) == 0)
        }
        // strace counts every byte sunset reads; the three files hold 300 GB of holes.
        let trace = volume.root.appendingPathExtension("strace").path
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let runner = try sunset()
        let result = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/strace")).run(
            ["-f", "-qq", "-e", "trace=read,pread64", "-o", trace, runner.executable.path, "scan", volume.root.path, "--output", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let log = try String(contentsOfFile: trace, encoding: .utf8)
        let bytes = log.split(separator: "\n").compactMap { line in line.split(separator: "= ").last.flatMap { Int($0) } }
            .filter { $0 > 0 }.reduce(0, +)
        #expect(bytes < 64 << 20, "sunset read \(bytes) bytes")
        let document = try JSONDecoder.iso8601.decode(InventoryDocument.self, from: Data(result.stdout.utf8))
        #expect(document.inventory.backups.first { $0.file.location.path.lastComponent == "Dupont backup.zip" }?.readable == false)
    }

    @Test func aFolderItCannotReadIsAGapNotAFailure() throws {
        // Tests run as root, for whom mode 000 means nothing: the scan runs as `nobody`.
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Users/marie/Documents/Invoice2go/Dupont/company.mdb", Samples.accessDatabase())
        try volume.file("Users/paul/Documents/Invoice2go/Leroy/company.mdb", Samples.accessDatabase())
        #expect(chmod(volume.url("Users/paul").path, 0o000) == 0)
        defer { chmod(volume.url("Users/paul").path, 0o755) }
        let copy = volume.root.appendingPathExtension("bin")
        try FileManager.default.copyItem(at: try sunset().executable, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let result = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/setpriv")).run(
            ["--reuid=nobody", "--regid=nogroup", "--clear-groups", copy.path, "scan", volume.root.path, "--output", "-"],
            in: URL(fileURLWithPath: "/"))
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONDecoder.iso8601.decode(InventoryDocument.self, from: Data(result.stdout.utf8))
        #expect(document.inventory.companies.map(\.name) == ["Dupont"])
        #expect(document.inventory.coverage.gaps.map(\.location.path.description) == ["Users/paul"])
        #expect(document.inventory.coverage.gaps.first?.reason == "Permission denied")
    }

    @Test func brokenInputsGiveClearErrorsOrNotes() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Users/marie/Documents/Invoice2go/Dupont/company.mdb", Samples.accessDatabase())
        try volume.file("Exports/clients.csv", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        try volume.file("Exports/products.xlsx", Data("PK\u{3}\u{4} not really".utf8))
        try volume.file("Program Files/Invoice2go/Invoice2go.exe", Data("MZ\u{0}\u{0}".utf8) + Data(count: 60))
        try volume.file("Backups/Dupont backup.zip", Data("PK\u{5}\u{6}".utf8) + Data(repeating: 0xFF, count: 18))
        let rules = try VolumeBuilder.temporary("rules")
        defer { rules.remove() }
        let pack = try rules.file("bad.yaml", text: "version: 1\npack: {id: x, version: \"1\"\n").path

        let scan = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "json", "--output", "-"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let results = try decodeResults(scan.stdout)
        #expect(results.inventory.backups.first?.readable == false)
        #expect(results.inventory.coverage.gaps.contains { $0.location.path.description == "Program Files/Invoice2go/Invoice2go.exe" })

        let broken = try sunset().run(["audit", volume.root.path, "--rules", pack, "--format", "json", "--output", "-"])
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("sunset: error: \(pack):"))
        #expect(broken.stdout.isEmpty)
    }
}

extension JSONDecoder {
    /// A decoder for sunset's JSON (ISO 8601 dates).
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

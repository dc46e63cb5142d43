import Foundation
import SunsetScan
import Testing

/// Replays the fuzzers' seeds and every input that once crashed a scanner parser.
@Suite struct ScanFuzzRegressionTests {
    static let fuzz = fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    /// Files in the target's regression and seed folders (and any extra folders).
    static func inputs(_ target: String, also extra: [URL] = []) -> [URL] {
        let folders = [fuzz.appendingPathComponent("regressions/\(target)"), fuzz.appendingPathComponent("seeds/\(target)")] + extra
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
        }.sorted { $0.path < $1.path }
    }

    @Test func peInputs() throws {
        let files = Self.inputs("pe", also: [fixtures.appendingPathComponent("pe")])
        #expect(files.count >= 5)
        for file in files { ScanFuzzEntry.peVersion(Array(try Data(contentsOf: file))) }
    }

    @Test func zipInputs() throws {
        let files = Self.inputs("zip")
        #expect(files.count >= 2)
        for file in files { ScanFuzzEntry.zipCheck(Array(try Data(contentsOf: file))) }
    }

    @Test func hiveInputs() throws {
        let files = Self.inputs("hive", also: [fixtures.appendingPathComponent("hives")]).filter { $0.pathExtension != "reg" }
        #expect(files.count >= 4)
        for file in files { ScanFuzzEntry.hive(Array(try Data(contentsOf: file))) }
    }

    @Test func exportInputs() throws {
        let files = Self.inputs("export")
        #expect(files.count >= 2)
        for file in files { ScanFuzzEntry.exportHeader(Array(try Data(contentsOf: file))) }
    }
}

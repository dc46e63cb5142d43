import Foundation
import SunsetFixtures
@testable import SunsetKit
import SunsetReadable
import Testing

/// Replays what `Fuzz/jet` found (`Fuzz/regressions/jet/`) through the contained conversion,
/// as `sunset convert` and `sunset rescue` run it. Every input must end in a failure or a
/// report with gaps, never a complete report (the files are damaged) and never the end of
/// this process. Files named `contained-…` crash libmdb itself, in the child: the failure
/// must name the signal. Any other file once crashed Sunset's own code and must no longer
/// crash at all.
@Suite struct JetFuzzRegressionTests {
    static let folder = repository.appendingPathComponent("Fuzz/regressions/jet")

    static func inputs() -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "mdb" }
            .sorted { $0.path < $1.path }
    }

    @Test func everyFoundInputIsAFailureOrAGapNeverACrashOfTheCaller() throws {
        let isolation = IsolatedConversion.forThisProcess()
        try #require(isolation.executable != nil, "the sunset binary was not found next to the tests; run `swift build` first")
        let inputs = Self.inputs()
        #expect(!inputs.isEmpty, "no inputs in \(Self.folder.path)")
        for input in inputs {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-jet-regression-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: output) }
            let name = input.lastPathComponent
            switch isolation.convert(input.path, sourceName: name, to: output, formats: Set(CopyFormat.allCases)) {
            case let .converted(report):
                #expect(!report.isComplete, "\(name): a damaged file was converted without a gap")
                #expect(!name.hasPrefix("contained-"), "\(name): libmdb no longer crashes on it; rename it")
            case let .failed(reason):
                if name.hasPrefix("contained-") {
                    #expect(reason.contains("crashed (signal"), "\(name): \(reason)")
                } else {
                    #expect(!reason.contains("crashed") && !reason.contains("did not finish"), "\(name): \(reason)")
                }
            }
        }
    }
}

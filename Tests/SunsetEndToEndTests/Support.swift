import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// The built binary, or a failed expectation explaining how to get it.
func sunset() throws -> CommandRunner {
    try #require(CommandRunner.built(), "the sunset binary was not found next to the tests; run `swift build` first")
}

let fixedNow = SampleVolume.fixedNow
let fixedAsOf = SampleVolume.fixedAsOf

/// The demo's sample volume, built for one test at the fixed clock.
func sampleVolume(_ name: String) throws -> VolumeBuilder { try SampleVolume.temporary(name) }

/// The repository's top folder, located from this source file.
let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `results.json` as printed by `audit --format json --output -`.
func decodeResults(_ json: String) throws -> AuditResults {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(AuditResults.self, from: Data(json.utf8))
}

/// A command-line tool the tests run, found on `PATH`, or a failed expectation saying how to
/// install it (`.ci/run` installs them): a missing tool fails a test, never skips it.
func installedTool(_ name: String, install: String) throws -> CommandRunner {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    let found = folders.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    let tool = try #require(found, "'\(name)' is not on PATH: \(install)")
    return CommandRunner(executable: tool)
}

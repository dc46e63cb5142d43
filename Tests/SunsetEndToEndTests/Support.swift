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

import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// The built binary, or a failed expectation explaining how to get it.
func sunset() throws -> CommandRunner {
    try #require(CommandRunner.built(), "the sunset binary was not found next to the tests; run `swift build` first")
}

/// A fixed date so that every end-to-end test gives the same findings on any day.
let fixedNow = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
let fixedAsOf = "2026-11-29"

/// The demo's sample volume, built for one test with times relative to `fixedNow`.
func sampleVolume(_ name: String) throws -> VolumeBuilder {
    let builder = try VolumeBuilder.temporary(name)
    try SampleVolume.build(builder, now: fixedNow)
    return builder
}

/// The repository's top folder, located from this source file.
let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `results.json` as printed by `audit --format json --output -`.
func decodeResults(_ json: String) throws -> AuditResults {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(AuditResults.self, from: Data(json.utf8))
}

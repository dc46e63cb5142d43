import Foundation
import SunsetFixtures
import SunsetReport
import Testing

/// Every format of an audit of the sample volume, run by the real binary with `--as-of`,
/// compared with its golden file in `__Snapshots__/`, and byte-identical across two runs.
@Suite struct GoldenReportTests {
    /// Audits `volume` into a new folder and returns the folder.
    func audit(_ volume: VolumeBuilder, lang: String, formats: [Format] = Format.allCases) throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-golden-\(UUID().uuidString)")
        let result = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--lang", lang,
                                       "--format", formats.map(\.rawValue).joined(separator: ","), "--output", output.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return output
    }

    /// The report with the volume's temporary path replaced by `/VOLUME`, so golden files do
    /// not depend on where the test built it (its name is plain ASCII, so the SARIF URI holds it as is).
    func normalized(_ data: Data, volume: VolumeBuilder) -> String {
        // The volume's folder has a random name, which is also the root's label in results.json.
        let path = volume.root.standardizedFileURL.path
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: path, with: "/VOLUME")
            .replacingOccurrences(of: "\"label\" : \"\(volume.root.lastPathComponent)\"", with: "\"label\" : \"VOLUME\"")
    }

    @Test(arguments: ["en", "fr"])
    func everyFormatMatchesItsGoldenFileAndTwoRunsGiveTheSameBytes(lang: String) throws {
        let volume = try sampleVolume("golden-\(lang)")
        defer { volume.remove() }
        let first = try audit(volume, lang: lang)
        let second = try audit(volume, lang: lang)
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        for format in Format.allCases {
            let one = try Data(contentsOf: first.appendingPathComponent(format.fileName))
            let two = try Data(contentsOf: second.appendingPathComponent(format.fileName))
            #expect(one == two, "\(format.fileName) differs between two runs with --as-of")
            #expect(!String(decoding: one, as: UTF8.self).contains("⟨"), "\(format.fileName) has a label missing from strings.yaml")
            try Snapshot.assert(normalized(one, volume: volume), named: "sample.\(lang).\(format.fileName)")
        }
    }
}

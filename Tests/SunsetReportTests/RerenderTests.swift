import Foundation
import SunsetFixtures
import SunsetReport
import Testing

/// `sunset report --from results.json` renders saved results again without scanning.
@Suite struct RerenderTests {
    func folder() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("sunset-rerender-\(UUID().uuidString)") }

    func audit(_ volume: VolumeBuilder, lang: String, into output: URL) throws {
        let result = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--lang", lang,
                                       "--format", "md,html,json,sarif,junit", "--output", output.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
    }

    @Test(arguments: ["en", "fr"])
    func everyFormatFromSavedResultsEqualsTheAuditsOwn(lang: String) throws {
        let volume = try sampleVolume("rerender-\(lang)")
        let english = folder(), audited = folder(), rendered = folder()
        defer { [english, audited, rendered].forEach { try? FileManager.default.removeItem(at: $0) } }
        try audit(volume, lang: "en", into: english)
        try audit(volume, lang: lang, into: audited)
        volume.remove()  // no rescanning: the volume is gone
        // From the English results, in the asked language: the same bytes as auditing in that language.
        let result = try sunset().run(["report", "--from", english.appendingPathComponent("results.json").path, "--lang", lang,
                                       "--format", "md,html,json,sarif,junit", "--output", rendered.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for format in Format.allCases {
            let want = try String(contentsOf: audited.appendingPathComponent(format.fileName), encoding: .utf8)
            let got = try String(contentsOf: rendered.appendingPathComponent(format.fileName), encoding: .utf8)
            #expect(got == want, "\(format.fileName) differs:\n\(Snapshot.diff(want, got))")
        }
    }

    @Test func oneFormatGoesToStandardOutput() throws {
        let volume = try sampleVolume(#function)
        let output = folder()
        defer { volume.remove(); try? FileManager.default.removeItem(at: output) }
        try audit(volume, lang: "en", into: output)
        let results = output.appendingPathComponent("results.json").path
        let stdout = try sunset().run(["report", "--from", results, "--format", "md", "--output", "-", "--lang", "en"])
        #expect(stdout.status == 0)
        #expect(stdout.stdout == (try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)))
        let two = try sunset().run(["report", "--from", results, "--format", "md,html", "--output", "-"])
        #expect(two.status == 2 && two.stderr.contains("exactly one --format"))
    }

    @Test func unreadableOrNewerResultsExitTwoWithOneLine() throws {
        let scratch = try VolumeBuilder.temporary(#function)
        defer { scratch.remove() }
        let newer = try scratch.file("newer.json", text: #"{"schemaVersion": 99}"#)
        let garbage = try scratch.file("garbage.json", text: "not json")
        let broken = try scratch.file("broken.json", text: #"{"schemaVersion": 1, "asOf": "2026-02-30"}"#)
        for (file, message) in [(newer, "schema version 99"), (garbage, "not a sunset results.json"), (broken, "cannot read results")] {
            let result = try sunset().run(["report", "--from", file.path, "--format", "md", "--output", "-"])
            #expect(result.status == 2, "\(file.lastPathComponent): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(message), "\(result.stderr)")
        }
        let missing = try sunset().run(["report", "--from", scratch.url("missing.json").path])
        #expect(missing.status == 2 && missing.stderr.contains("missing.json"))
    }

    @Test func templatesFromAFolderReplaceTheBuiltInOnesByName() throws {
        let volume = try sampleVolume(#function)
        let output = folder(), custom = try VolumeBuilder.temporary("templates")
        defer { volume.remove(); custom.remove(); try? FileManager.default.removeItem(at: output) }
        try custom.file("report.md.mustache", text: "{{% CONTENT_TYPE: MARKDOWN}}\n# {{t.title}}\n{{verdict}}\n")
        try custom.file("strings.yaml", text: "title: {en: \"Our audit\", fr: \"Notre audit\"}\n")
        let result = try sunset().run(["audit", volume.root.path, "--as-of", fixedAsOf, "--lang", "en", "--templates", custom.root.path,
                                       "--format", "md,html", "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown == "# Our audit\n12 findings need attention; the highest severity is critical.\n")
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<h1>Our audit</h1>") && html.contains("Migration checklist"))
    }

    @Test func forceOverwritesAFileSunsetDidNotWrite() throws {
        let volume = try sampleVolume(#function)
        let output = try VolumeBuilder.temporary("force")
        defer { volume.remove(); output.remove() }
        try output.file("results.sarif", text: "mine\n")
        let arguments = ["audit", volume.root.path, "--as-of", fixedAsOf, "--format", "sarif", "--output", output.root.path]
        let refused = try sunset().run(arguments)
        #expect(refused.status == 2 && refused.stderr.contains("refusing to overwrite"))
        #expect(try String(contentsOf: output.url("results.sarif"), encoding: .utf8) == "mine\n")
        let forced = try sunset().run(arguments + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: output.url("results.sarif"), encoding: .utf8).contains("\"2.1.0\""))
    }
}

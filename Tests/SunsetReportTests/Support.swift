import Foundation
import SunsetCore
import SunsetFixtures
import SunsetKit
import SunsetReport
import SunsetRules
import Testing

/// A fixed clock: the sample volume's times are relative to `fixedNow`, and audits run as of `fixedAsOf`.
let fixedNow = SampleVolume.fixedNow
let fixedAsOf = SampleVolume.fixedAsOf
let fixedDay = CalendarDay(fixedAsOf)!

/// The built binary, or a failed expectation explaining how to get it.
func sunset() throws -> CommandRunner {
    try #require(CommandRunner.built(), "the sunset binary was not found next to the tests; run `swift build` first")
}

/// The demo's sample volume (three companies), built for one test at the fixed clock.
func sampleVolume(_ name: String) throws -> VolumeBuilder { try SampleVolume.temporary(name) }

/// `days` days before `fixedNow`.
func daysAgo(_ days: Double) -> Date { fixedNow.addingTimeInterval(-days * 86_400) }

/// Scans and judges a volume with the built-in packs, in the library (no binary).
func judge(_ volume: VolumeBuilder, language: Language = .en) throws -> ReportInput {
    let packs = try PackSet.builtIn()
    let results = try Audit.evaluate(roots: [volume.root.path], asOf: fixedDay, packs: packs, language: language)
    return ReportInput(results: results, language: language, packs: packs)
}

/// Renders one format with the built-in templates, as text.
func render(_ format: Format, _ input: ReportInput) throws -> String {
    String(decoding: try format.reporter(templates: TemplateSet.builtIn()).render(input), as: UTF8.self)
}

/// Runs a program (looked up on PATH) with arguments and extra environment; returns status and stdout.
@discardableResult
func runTool(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let result = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env"))
        .run(arguments, environment: environment, stdin: stdin)
    return (result.status, result.stdout, result.stderr)
}

/// The start tags of an HTML document, as Python's standard HTML parser sees them.
func htmlStartTags(_ html: String) throws -> Set<String> {
    let script = """
    import sys
    from html.parser import HTMLParser
    class P(HTMLParser):
        tags = set()
        def handle_starttag(self, tag, attrs): self.tags.add(tag)
    p = P(); p.feed(sys.stdin.read()); p.close()
    print("\\n".join(sorted(p.tags)))
    """
    let result = try runTool(["python3", "-c", script], stdin: Data(html.utf8))
    try #require(result.status == 0, "python3 failed: \(result.stderr)")
    return Set(result.stdout.split(separator: "\n").map(String.init))
}

/// The repository's root folder (this file is in Tests/SunsetReportTests/).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

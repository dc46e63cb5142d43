import Foundation
import SunsetCore
import SunsetFixtures
import SunsetReport
import Testing

/// `report --from` on a results.json written before the glance table existed (schema 1
/// without checklist labels and dates, kept in `Tests/Fixtures/results/`) renders today's layout.
@Suite struct OlderResultsTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/results/schema-1.sample.en.json")

    @Test func theFixtureIsSchemaOneWithoutLabelsOrDates() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        #expect(text.contains(#""schemaVersion" : 1"#))
        #expect(!text.contains(#""label""#) && !text.contains(#""date" :"#))
    }

    @Test(arguments: ["en", "fr"])
    func olderResultsRenderTheNewLayout(lang: String) throws {
        let output = try VolumeBuilder.temporary("older-\(lang)")
        defer { output.remove() }
        let result = try sunset().run(["report", "--from", Self.fixture.path, "--lang", lang, "--format", "md,html,json",
                                       "--output", output.root.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let markdown = try String(contentsOf: output.url("report.md"), encoding: .utf8)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        let want = lang == "en"
            ? ["## At a glance", "## Do this next", "## Timeline", "## Migration checklist", "## Findings", "## Inventory", "## Coverage"]
            : ["## En un coup d'œil", "## À faire en premier", "## Chronologie", "## Liste de migration", "## Constats",
               "## Inventaire", "## Couverture"]
        #expect(headings == want)
        // The short labels and the dates come from the packs, as a fresh audit has them.
        #expect(markdown.contains(lang == "en" ? "| Backed up this week |" : "| Sauvegarde de la semaine |"))
        #expect(markdown.contains(lang == "en" ? "✓ done, November 28, 2026" : "✓ fait, 28 novembre 2026"), "\(markdown)")
        let html = try String(contentsOf: output.url("report.html"), encoding: .utf8)
        #expect(html.contains("<table class=\"glance\">") && html.contains("<svg "))
        // Written again, the results hold what the glance table needs, under the same schema version.
        let json = try String(contentsOf: output.url("results.json"), encoding: .utf8)
        #expect(json.contains("\"schemaVersion\" : 1") && json.contains("\"label\" : \"Backed up this week\"") == (lang == "en"))
        #expect(json.contains("\"date\" : \"2026-11-28\""))
    }
}

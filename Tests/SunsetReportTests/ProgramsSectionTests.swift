import Foundation
import SunsetCore
import SunsetFixtures
@testable import SunsetReport
import Testing

/// The Programs section, the summary line, SARIF and the health outputs on an old PC whose
/// hives (written by hivex) list end-of-life programs with files that depend on them.
@Suite struct ProgramsSectionTests {
    func volume(_ name: String) throws -> VolumeBuilder {
        let hives = repositoryRoot.appendingPathComponent("Tests/Fixtures/hives")
        let volume = try VolumeBuilder.temporary(name)
        try volume.file("Windows/System32/config/SOFTWARE", Data(contentsOf: hives.appendingPathComponent("software-eol.hive")))
        try volume.file("Program Files (x86)/Microsoft Office/Office14/MSACCESS.EXE", Data("MZ".utf8))
        try volume.file("Users/paul/Documents/Compta/clients.mdb", Samples.accessDatabase())
        try volume.file("Users/paul/Documents/Compta/stock.mdb", Samples.accessDatabase())
        try volume.file("Users/paul/Documents/<b>odd|name.xls", Data("xls".utf8))
        return volume
    }

    @Test func markdownAndHTMLListEveryProgramWithItsStatusAndData() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let input = try judge(volume)
        let md = try render(.md, input)
        let section = try #require(md.firstRange(of: "## Programs").map { String(md[$0.lowerBound...]) })
        #expect(section.contains("The registry lists 6 installed programs; lifecycle data knows 5 of them."))
        // The host's system is judged too, on a line of its own above the programs.
        #expect(section.contains("| Windows 10 22H2 (system) | 10\\.0.19045 | 10 22H2 | end of life: security support ended October 14, 2025 (411 days ago) |"))
        #expect(section.contains("| Microsoft Office Professional Plus 2010 | 14\\.0.7015.1000 | 2010 SP2 | end of life: security support ended October 13, 2020 (2,238 days ago) | .mdb: 2 files (Users/paul/Documents/Compta: 2) — no other installed program opens them<br>.xls: 1 file (Users/paul/Documents: 1)"))
        #expect(section.contains("| Notepad++ (64-bit x64) | 8\\.9.7 | 8\\.9 | supported (no end announced) |"))
        #expect(section.contains("before 78 | end of life by inference"))
        #expect(section.contains("Lifecycle unknown (listed, not judged): 1 program: Carnet d'adresses."))
        #expect(section.contains("commit a70eca337600e7d721dc48112c271f98661d208b"))
        // The section stands next to the findings: after them, before the inventory.
        #expect(md.range(of: "## Findings")!.lowerBound < md.range(of: "## Programs")!.lowerBound)
        #expect(md.range(of: "## Programs")!.lowerBound < md.range(of: "## Inventory")!.lowerBound)
        let html = try render(.html, input)
        #expect(html.contains("<tr class=\"program-ended\"><td>Microsoft Office Professional Plus 2010</td>"))
        #expect(html.contains("<tr class=\"program-supported\"><td>Notepad++ (64-bit x64)</td>"))
        #expect(!html.contains("<b>odd"))
    }

    @Test func frenchToo() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let md = try render(.md, try judge(volume, language: .fr))
        #expect(md.contains("## Programmes"))
        #expect(md.contains("fin de vie\u{00A0}: support de sécurité terminé le 13 octobre 2020 (il y a 2 238 jours)")
                || md.contains("fin de vie\u{00A0}: support de sécurité terminé le 13 octobre 2020 (il y a 2\u{202F}238 jours)"))
        #expect(md.contains("pris en charge (aucune fin annoncée)"))
    }

    /// A cycle taken as the one that ends last is said to be supported *at least* until then.
    @Test func aLowerBoundSaysAtLeastUntil() throws {
        var lifecycle = ProgramLifecycle(product: "mssqlserver", productName: "Microsoft SQL Server", cycle: "16.0", version: nil,
                                         securitySupportEnd: .date(CalendarDay("2033-01-11")!), source: "test", evidence: [])
        let asOf = CalendarDay("2033-01-01")!
        let templates = try TemplateSet.builtIn()
        #expect(ReportModel.status(lifecycle, asOf: asOf, labels: templates.labels(.en)).0 == "supported until January 11, 2033 (10 days left)")
        lifecycle.lowerBound = true
        #expect(ReportModel.status(lifecycle, asOf: asOf, labels: templates.labels(.en)).0
                == "supported at least until January 11, 2033 (10 days left; the exact release could not be told, see the evidence)")
        #expect(ReportModel.status(lifecycle, asOf: asOf, labels: templates.labels(.fr)).0
                == "pris en charge au moins jusqu'au 11 janvier 2033 (encore 10 jours\u{202F}; la version exacte n'a pu être établie, voir les preuves)")
        // Once past, every cycle it could be has ended: the end of life is certain.
        #expect(ReportModel.status(lifecycle, asOf: CalendarDay("2033-01-12")!, labels: templates.labels(.en)).1 == "ended")
    }

    @Test func sarifStillValidatesAndEachLifecycleRuleIsARule() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let input = try judge(volume)
        let sarif = try render(.sarif, input)
        try SARIFTests.validate(sarif)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(Set(rules.compactMap { $0["id"] as? String }).isSuperset(of: [
            "end-of-life/security-support-ended", "end-of-life/active-support-ended",
            "end-of-life/security-support-ending", "end-of-life/end-of-life-inferred",
        ]))
        let results = run["results"] as? [[String: Any]] ?? []
        // Four programs and the host's own system (Windows 10 22H2, ended 2025-10-14).
        #expect(results.filter { ($0["ruleId"] as? String)?.hasPrefix("end-of-life/") == true }.count == 5)
        #expect(results.contains { ($0["ruleId"] as? String) == "end-of-life/os-security-support-ended" })
        // Fingerprints are stable: a second run gives the same ones.
        #expect(try render(.sarif, try judge(volume)) == sarif)
    }

    @Test func theSummaryAndTheHealthOutputsCountTheEndOfLifePrograms() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let input = try judge(volume)
        let summary = TerminalSummary(templates: try .builtIn()).render(input, written: [], colored: false)
        #expect(summary.contains("6 installed programs: 4 past their end of life, 1 of unknown lifecycle"))
        let facts = HealthFacts(input.results, supportEnds: [:])
        #expect(facts.endOfLife.map { "\($0.product) \($0.cycle) \($0.days.map(String.init) ?? "-")" }
                == ["firefox before-78 -", "office 2010 2238", "oracle-jdk 8 1704", "virtualbox 6.0 2312", "windows 10-22h2 411"])
        let prometheus = PrometheusText.render(facts, now: 0)
        // Office 2010's security support ended on 13 October 2020: the series holds the end of that day.
        #expect(prometheus.contains("sunset_program_end_of_life_timestamp_seconds{product=\"office\",cycle=\"2010\"} 1602633600\n"))
        #expect(prometheus.contains("sunset_program_end_of_life_timestamp_seconds{product=\"firefox\",cycle=\"before-78\"} NaN\n"))
        #expect(!prometheus.contains("Microsoft Office Professional"), "program names are not label values")
        #expect(NagiosStatus.performance(facts).contains("'end_of_life_programs'=5;;;0"))
        #expect(facts.count(atLeast: .high) == 4)
    }
}

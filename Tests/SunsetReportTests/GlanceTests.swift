import Foundation
import SunsetCore
import SunsetFixtures
@testable import SunsetReport
import SunsetRules
import Testing

/// The "at a glance" table, the step to do first, and how cmark-gfm sees both tables.
@Suite struct GlanceTests {
    @Test func everyCellOfTheSampleMatchesItsChecklistItem() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let input = try judge(volume)
        let problems = GlanceCheck.mismatches(input.results)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let table = GlanceTable(input.results)
        #expect(table.rows.map(\.name) == ["Atelier Martin", "Boulangerie Dupont", "Plomberie Martin"])
        #expect(table.columns.count == 5)
        // The rendered Markdown says the same, cell by cell.
        let markdown = String(decoding: try MarkdownReporter(templates: .builtIn()).render(input), as: UTF8.self)
        for row in table.rows {
            let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| **\(row.name)** |") })
            let cells = line.split(separator: "|").dropFirst(2).map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.count == table.columns.count)
            for (cell, word) in zip(cells, GlanceCheck.expectedWords(row)) { #expect(cell.hasPrefix(word), "\(row.name): \(cell)") }
        }
    }

    @Test func aRowIsDoneOnlyWhenEveryStepIs() {
        func item(_ done: Bool) -> ChecklistStep.Item { .init(company: "A", done: done, evidence: "") }
        #expect(GlanceTable.Row(kind: .company, name: "A", cells: [item(true), nil, item(true)]).isDone)
        #expect(!GlanceTable.Row(kind: .company, name: "A", cells: [item(true), item(false)]).isDone)
        #expect(!GlanceTable.Row(kind: .company, name: "A", cells: [nil, nil]).isDone)
    }

    @Test func theNextStepIsTheFirstOpenItemOfTheFirstOpenStep() {
        let steps = [
            ChecklistStep(id: "p/a", title: "A", howTo: "", items: [.init(company: "X", done: true, evidence: "")]),
            ChecklistStep(id: "p/b", title: "B", howTo: "", items: [.init(company: "X", done: true, evidence: ""),
                                                                     .init(company: "Y", done: false, evidence: ""),
                                                                     .init(company: "Z", done: false, evidence: "")]),
            ChecklistStep(id: "p/c", title: "C", howTo: "", items: [.init(company: "X", done: false, evidence: "")]),
        ]
        let next = NextStep(steps)
        #expect(next?.step.id == "p/b" && next?.open.map(\.company) == ["Y", "Z"])
        #expect(NextStep([steps[0]]) == nil)
    }

    @Test func cmarkGfmSeesTheGlanceAndTimelineTables() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let input = try judge(volume)
        let markdown = try MarkdownReporter(templates: .builtIn()).render(input)
        let rendered = try runTool(["cmark-gfm", "-e", "table"], stdin: markdown)
        try #require(rendered.status == 0, "cmark-gfm is needed (apt-get install cmark-gfm): \(rendered.stderr)")
        let html = rendered.stdout
        for header in ["Company", "Status", "Backed up this week", "Off the machine", "Client list", "Product list", "Offline copy"] {
            #expect(html.contains("<th>\(header)</th>"), "no glance column \(header)")
        }
        // The programs' own short table: the product pack's program with its pack's end of support.
        for header in ["Program or system", "Version", "Security support"] {
            #expect(html.contains("<th>\(header)</th>"), "no programs column \(header)")
        }
        #expect(!html.contains("not applicable"))
        #expect(html.contains("<td><strong>Boulangerie Dupont</strong></td>"))
        #expect(html.contains("<th>Date</th>\n<th>Event</th>"))
        let labels = try TemplateSet.builtIn().labels(.en)
        for event in Timeline(input, labels: labels).events {
            #expect(html.contains("<td>\(labels.day(event.day))</td>"), "the timeline table lacks \(event.text)")
        }
        #expect(html.contains("<td>October 31, 2017</td>\n<td>Invoice2go Classic: vendor support ends</td>"))
    }
}

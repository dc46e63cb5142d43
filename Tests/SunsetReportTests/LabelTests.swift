import Foundation
import SunsetCore
import SunsetFixtures
@testable import SunsetReport
import SunsetRules
import Testing

/// Every word of every report exists in English and French.
@Suite struct LabelTests {
    @Test func everyLabelInStringsYamlHasBothLanguages() throws {
        let templates = try TemplateSet.builtIn()
        #expect(templates.untranslatedKeys == [])
        #expect(templates.labelKeys.count > 100)
    }

    /// The built-in labels are walked directly rather than decoded (`TemplateSet.builtInStrings`):
    /// exactly what `YAMLDecoder` reads from the file.
    @Test func builtInLabelsReadAsYAMLDecoderReadsThem() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Reports/strings.yaml"), encoding: .utf8)
        let walked = try #require(TemplateSet.walkedStrings(text))
        #expect(walked == (try TemplateSet.decodeStrings(text, name: "strings.yaml")))
        #expect(walked.count > 100)
    }

    @Test func everyLabelTheTemplatesNameExists() throws {
        let keys = Set(try TemplateSet.builtIn().labelKeys)
        for name in ["report.md.mustache", "report.html.mustache"] {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Reports/\(name)"), encoding: .utf8)
            let used = text.matches(of: /\{\{t\.([a-z-]+)\}\}/).map { String($0.1) }
            #expect(!used.isEmpty)
            for key in Set(used) { #expect(keys.contains(key), "\(name) uses {{t.\(key)}}, missing from strings.yaml") }
        }
    }

    /// Labels the reporters build from a kind's name (`subject.<kind>`, `scope.<kind>`) exist for
    /// every kind, so a new kind of subject cannot print a raw key.
    @Test func everySubjectKindHasItsLabels() throws {
        let keys = Set(try TemplateSet.builtIn().labelKeys)
        for kind in Subject.Kind.allCases {
            #expect(keys.contains("subject.\(kind.rawValue)"), "no label subject.\(kind.rawValue)")
            #expect(keys.contains("scope.\(kind.rawValue)"), "no label scope.\(kind.rawValue)")
        }
    }

    /// Results that reach every branch of the reports: findings, a waived one, an unreadable
    /// path, host lifecycle facts, a duration.
    func everything(_ volume: VolumeBuilder, _ language: Language) throws -> ReportInput {
        var input = try judge(volume, language: language)
        input.results.findings[0].waiver = Waiver(rule: input.results.findings[0].ruleID, subject: "x", reason: "r",
                                                  expires: fixedDay.adding(days: 3))
        input.results.inventory.coverage.gaps.append(.init(location: .init(root: 0, path: VolumePath("locked")), reason: "permission denied"))
        input.duration = 1.5
        return input
    }

    @Test(arguments: Language.allCases)
    func noReportLacksALabel(language: Language) throws {
        let volume = try sampleVolume("labels-\(language)")
        defer { volume.remove() }
        let input = try everything(volume, language)
        for format in Format.allCases {
            let text = try render(format, input)
            #expect(!text.contains("⟨"), "\(format) in \(language) lacks a label: \(text.firstRange(of: /⟨[^⟩]*⟩/).map { String(text[$0]) } ?? "")")
        }
        let summary = TerminalSummary(templates: try .builtIn()).render(input, written: ["x"], colored: false)
        #expect(!summary.contains("⟨"), "\(summary)")
    }

    @Test func theHTMLShowsHostLifecycleWaiversGapsAndDurationInFrench() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let html = try render(.html, try everything(volume, .fr))
        // The sample disk's kernel is build 22631; the built-in Windows table names its release.
        #expect(html.contains("Windows 11 (Windows 11 23H2)"))
        #expect(html.contains("31 octobre 2023"))
        // No EditionID on the sample disk: Home/Pro (ended 11 November 2025) and Enterprise/Education
        // (10 November 2026) cannot be told apart, so the later day is the one shown.
        #expect(html.contains("terminé le 10 novembre 2026"))
        #expect(html.contains("<th scope=\"row\">Windows 11 (système)</th>"))
        #expect(html.contains("Constats acceptés par dérogation"))
        #expect(html.contains("dérogation : r (jusqu&#39;au 2 décembre 2026)"))
        #expect(html.contains("locked : permission denied"))
        #expect(html.contains("1,50 s"))
        #expect(html.contains("<html lang=\"fr\">"))
    }

    @Test func datesAndNumbersFollowTheLanguage() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        var input = ReportInput(results: AuditResults(tool: ToolInfo(), asOf: CalendarDay("2017-11-01")!, packs: [],
                                                      inventory: Inventory(), findings: [], checklist: []))
        input.results.inventory.coverage.files = 1_234_567
        let english = try render(.md, input)
        #expect(english.contains("As of: November 1, 2017"))
        #expect(english.contains("| 1,234,567 |"))
        input.language = .fr
        let french = try render(.md, input)
        #expect(french.contains("À la date du\u{A0}: 1er novembre 2017"))
        #expect(french.contains("| 1\u{202F}234\u{202F}567 |"))
        #expect(french.contains("Aucun logiciel abandonné"))
    }
}

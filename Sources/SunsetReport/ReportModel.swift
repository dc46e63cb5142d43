import Foundation
import SunsetCore
import SunsetRules

/// What the Markdown and HTML templates show, prepared from the results: every value a
/// template needs is a ready string, flag or list, so templates stay logic-less and every
/// word comes from the labels of the report's language. In reading order: verdict, at a
/// glance, do this next, timeline, checklist, findings, inventory, coverage.
struct ReportModel {
    /// The labels, for `{{t.key}}` in templates.
    var t: [String: String]
    var lang: String
    var tool: String
    var asOf: String
    var asOfISO: String
    var packs: [String]
    var roots: [RootRow]
    var verdict: String
    var risk: String
    /// The worst active severity's raw name (`none` without findings), for styling.
    var riskLevel: String
    var counts: [Count]
    var glanceColumns: [String]
    var glance: [GlanceRow]
    var hasGlance: Bool
    /// The systems and the programs past their end of support, in a short table of their own.
    var programGlance: ProgramGlance?
    var next: NextView?
    var hasNext: Bool
    /// What stands in for the next step when there is none: all done, or no checklist at all.
    var nothingNext: String
    var timelineSVG: String
    var timeline: [TimelineRow]
    var hasTimeline: Bool
    var installations: [InstallationRow]
    var hasInstallations: Bool
    var companies: [CompanyRow]
    var hasCompanies: Bool
    /// Exports credited to no company (two companies and no clue which).
    var unattributed: [String]
    var hasUnattributed: Bool
    /// Backups of a whole computer (system images, other imaging tools), one line each.
    var wholeComputer: [String]
    var hasWholeComputer: Bool
    var groups: [Group]
    var hasFindings: Bool
    var waived: [FindingRow]
    var hasWaived: Bool
    var steps: [Step]
    var hasSteps: Bool
    var coverage: [CoverageRow]
    var gaps: [String]
    var hasGaps: Bool
    /// Every installed program's lifecycle (ReportModel+Programs.swift).
    var programs: ProgramsSection?

    init(_ input: ReportInput, labels: Labels) {
        let results = input.results
        t = labels.texts
        lang = labels.language.rawValue
        tool = "\(results.tool.name) \(results.tool.version)"
        asOf = labels.day(results.asOf)
        asOfISO = results.asOf.description
        packs = results.packs.map {
            labels.fill("pack.line", $0.name, $0.id, $0.version, $0.source == "built-in" ? labels["pack.built-in"] : $0.source)
        }
        roots = results.inventory.roots.map { Self.root($0, input: input, labels: labels) }

        let active = results.findings.filter { $0.waiver == nil }
        if let worst = results.worstSeverity {
            risk = labels["risk.\(worst.rawValue)"]
            riskLevel = worst.rawValue
            // "the highest severity is …" agrees with severity (French: "élevée"), not with the
            // risk level ("élevé").
            verdict = labels.count("verdict.findings", active.count, labels["severity.\(worst.rawValue)"])
        } else {
            risk = labels["risk.none"]
            riskLevel = "none"
            let nothing = results.inventory.installations.isEmpty && results.inventory.companies.isEmpty
                && results.inventory.backups.isEmpty
            // "Nothing found" is said plainly only when the whole scan could be read.
            let gaps = results.inventory.coverage.gaps.count
            if nothing && gaps > 0 {
                verdict = labels.count("verdict.nothing-but-gaps", gaps)
            } else {
                verdict = labels[nothing ? "verdict.nothing" : "verdict.clean"]
            }
        }
        counts = Severity.allCases.reversed().map { severity in
            Count(severity: severity.rawValue, label: labels["severity.\(severity.rawValue)"],
                  count: labels.number(active.filter { $0.severity == severity }.count))
        }

        let table = GlanceTable(results)
        glanceColumns = table.columns.map(\.label)
        glance = Self.glanceRows(table, labels: labels)
        programGlance = Self.programGlance(results, labels: labels)
        hasGlance = !glance.isEmpty
        next = Self.nextStep(results.checklist, labels: labels)
        hasNext = next != nil
        // With no checklist at all, "every step is done" would be a false all-clear.
        nothingNext = results.checklist.flatMap(\.items).isEmpty ? labels["nochecklist"] : labels["nothingnext"]
        let dates = Timeline(input, labels: labels)
        timeline = dates.events.map { TimelineRow(date: labels.day($0.day), dateISO: $0.day.description, event: $0.text) }
        // The as-of day alone is no timeline.
        hasTimeline = dates.events.count > 1
        timelineSVG = hasTimeline ? TimelineSVG.render(dates, labels: labels, titleID: "timeline-svg-title") : ""

        let inventory = results.inventory
        installations = inventory.installations.map { Self.installation($0, inventory: inventory, labels: labels) }
        hasInstallations = !installations.isEmpty
        companies = results.inventory.companies.map { Self.company($0, results, labels: labels) }
        hasCompanies = !companies.isEmpty
        unattributed = inventory.unattributedExports.map { Self.unattributed($0, inventory: inventory, labels: labels) }
        hasUnattributed = !unattributed.isEmpty
        wholeComputer = (inventory.wholeComputerBackups ?? []).map { Self.wholeComputer($0, inventory: inventory, labels: labels) }
        hasWholeComputer = !wholeComputer.isEmpty

        groups = Severity.allCases.reversed().compactMap { severity in
            let rows = active.filter { $0.severity == severity }.map { Self.finding($0, inventory: inventory, labels: labels) }
            return rows.isEmpty ? nil : Group(severity: severity.rawValue, label: labels["severity.\(severity.rawValue)"],
                                              count: labels.count("group.count", rows.count), findings: rows)
        }
        hasFindings = !groups.isEmpty
        waived = results.findings.filter { $0.waiver != nil }.map { Self.finding($0, inventory: inventory, labels: labels) }
        hasWaived = !waived.isEmpty
        steps = results.checklist.enumerated().map { Self.step($1, number: $0 + 1, labels: labels) }
        hasSteps = !steps.isEmpty

        let scanned = results.inventory.coverage
        coverage = [
            CoverageRow(label: labels["coverage.files"], value: labels.number(scanned.files)),
            CoverageRow(label: labels["coverage.directories"], value: labels.number(scanned.directories)),
            CoverageRow(label: labels["coverage.candidates"], value: labels.number(scanned.candidates)),
            CoverageRow(label: labels["coverage.unreadable"], value: labels.number(scanned.gaps.count)),
            CoverageRow(label: labels["coverage.symlinks"], value: labels.number(scanned.symlinks)),
            CoverageRow(label: labels["coverage.special"], value: labels.number(scanned.specialFiles)),
            CoverageRow(label: labels["coverage.duration"],
                        value: input.duration.map(labels.seconds) ?? labels["coverage.duration-not-recorded"]),
        ]
        gaps = scanned.gaps.map { labels.fill("coverage.gap", inventory.shown($0.location), $0.reason) }
        hasGaps = !gaps.isEmpty
        programs = Self.programs(results, labels: labels)
    }

    // MARK: - Rows

    struct RootRow {
        var path: String; var label: String?; var kind: String; var os: String; var version: String; var build: String
        var released: String; var support: String
    }
    struct Count { var severity: String; var label: String; var count: String }
    struct InstallationRow { var path: String; var version: String; var confidence: String; var evidence: [String] }
    struct CompanyRow {
        var name: String; var folder: String; var files: String; var lastChange: String; var confidence: String
        var backup: String; var backupOffMachine: Bool; var hasBackup: Bool; var exports: [String]; var hasExports: Bool
        var dataFiles: [String]; var moreFiles: String?
    }
    struct Group { var severity: String; var label: String; var count: String; var findings: [FindingRow] }
    struct FindingRow {
        var rule: String; var severity: String; var severityLabel: String; var title: String; var subject: String
        var message: String; var remediation: String; var evidence: [String]; var hasEvidence: Bool; var waiver: String
    }
    struct Step {
        var number: Int; var title: String; var howTo: String; var done: Bool; var state: String; var progress: String
        var items: [Item]; var hasItems: Bool
    }
    struct Item { var done: Bool; var state: String; var who: String; var evidence: String }
    struct CoverageRow { var label: String; var value: String }
    struct TimelineRow { var date: String; var dateISO: String; var event: String }
}

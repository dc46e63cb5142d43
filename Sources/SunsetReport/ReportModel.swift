import Foundation
import SunsetCore
import SunsetRules

/// What the Markdown and HTML templates show, prepared from the results: every value a
/// template needs is a ready string or list, so templates stay logic-less.
struct ReportModel {
    var t: [String: String]
    var lang: String
    var tool: String
    var asOf: String
    var packs: [String]
    var roots: [Root]
    var verdict: String
    var risk: String
    var counts: [Count]
    var installations: [InstallationRow]
    var hasInstallations: Bool
    var companies: [CompanyRow]
    var hasCompanies: Bool
    var groups: [Group]
    var hasFindings: Bool
    var waived: [FindingRow]
    var hasWaived: Bool
    var steps: [Step]
    var coverage: CoverageRow

    struct Root { var path: String; var kind: String; var host: String }
    struct Count { var severity: String; var label: String; var count: Int }
    struct InstallationRow { var path: String; var version: String; var confidence: String; var evidence: [String] }
    struct CompanyRow {
        var name: String; var folder: String; var files: Int; var lastChange: String
        var backup: String; var exports: [String]; var confidence: String
    }
    struct Group { var severity: String; var label: String; var findings: [FindingRow] }
    struct FindingRow {
        var rule: String; var severity: String; var title: String; var subject: String
        var message: String; var remediation: String; var evidence: [String]; var waiver: String
    }
    struct Step { var number: Int; var title: String; var howTo: String; var done: Bool; var items: [Item] }
    struct Item { var done: Bool; var who: String; var evidence: String }
    struct CoverageRow { var files: Int; var directories: Int; var candidates: Int; var symlinks: Int; var special: Int; var gaps: [String]; var hasGaps: Bool }

    init(_ results: AuditResults, language: Language, labels: [String: String]) {
        func label(_ key: String) -> String { labels[key] ?? key }
        t = labels
        lang = language.rawValue
        tool = "\(results.tool.name) \(results.tool.version)"
        asOf = results.asOf.description
        packs = results.packs.map { "\($0.name) (\($0.id) \($0.version), \($0.source))" }
        roots = results.inventory.roots.map {
            Root(path: $0.path, kind: label($0.isWindowsVolume ? "root.windows" : "root.folder"), host: Self.host($0.host))
        }
        let active = results.findings.filter { $0.waiver == nil }
        if let worst = results.worstSeverity {
            risk = label("severity.\(worst.rawValue)")
            verdict = Self.fill(label("verdict.findings"), active.count, risk)
        } else {
            risk = label("risk.none")
            verdict = label(results.inventory.installations.isEmpty && results.inventory.companies.isEmpty
                            ? "verdict.nothing" : "verdict.clean")
        }
        counts = Severity.allCases.reversed().map { severity in
            Count(severity: severity.rawValue, label: label("severity.\(severity.rawValue)"),
                  count: active.filter { $0.severity == severity }.count)
        }
        installations = results.inventory.installations.map {
            InstallationRow(path: $0.location.path.description, version: $0.version ?? label("unknown"),
                            confidence: label("confidence.\($0.confidence.rawValue)"), evidence: $0.evidence.map(Self.evidence))
        }
        hasInstallations = !installations.isEmpty
        companies = results.inventory.companies.map { Self.company($0, results, asOf: results.asOf, label: label) }
        hasCompanies = !companies.isEmpty
        groups = Severity.allCases.reversed().compactMap { severity in
            let rows = active.filter { $0.severity == severity }.map { Self.finding($0, label: label) }
            return rows.isEmpty ? nil : Group(severity: severity.rawValue, label: label("severity.\(severity.rawValue)"), findings: rows)
        }
        hasFindings = !groups.isEmpty
        waived = results.findings.filter { $0.waiver != nil }.map { Self.finding($0, label: label) }
        hasWaived = !waived.isEmpty
        steps = results.checklist.enumerated().map { index, step in
            Step(number: index + 1, title: step.title, howTo: step.howTo, done: step.isDone,
                 items: step.items.map { Item(done: $0.done, who: $0.company ?? label("checklist.machine"), evidence: $0.evidence) })
        }
        let coverage = results.inventory.coverage
        let gaps = coverage.gaps.map { "\($0.location.path.description): \($0.reason)" }
        self.coverage = CoverageRow(files: coverage.files, directories: coverage.directories, candidates: coverage.candidates,
                                    symlinks: coverage.symlinks, special: coverage.specialFiles, gaps: gaps, hasGaps: !gaps.isEmpty)
    }

    // MARK: - Rows

    static func host(_ host: HostOS) -> String {
        var text = host.name
        if let build = host.build { text += " (build \(build))" }
        return text
    }

    static func evidence(_ evidence: Evidence) -> String {
        var text = "\(evidence.detail) [\(evidence.signature), \(evidence.confidence.rawValue)]"
        if let path = evidence.path { text = "\(path.description): " + text }
        return text
    }

    static func company(_ company: Company, _ results: AuditResults, asOf: CalendarDay, label: (String) -> String) -> CompanyRow {
        let backups = results.inventory.readableBackups(of: company).sorted { $0.file.modified > $1.file.modified }
        var backup = label("company.no-backup")
        if let newest = backups.first {
            let age = asOf.days(since: CalendarDay(newest.file.modified, timeZone: CalendarDay.utc))
            let place = newest.cloudProvider ?? label("placement.\(newest.placement.rawValue)")
            backup = Self.fill(label("company.backup"), newest.file.location.path.description, age, place)
        }
        let exports = results.inventory.exports(of: company).map {
            "\(label("export.\($0.kind.rawValue)")): \($0.file.location.path.description) (\(day($0.file.modified)))"
        }
        return CompanyRow(name: company.name, folder: company.folder.path.description, files: company.dataFiles.count,
                          lastChange: company.lastChange.map(day) ?? label("unknown"), backup: backup,
                          exports: exports.isEmpty ? [label("company.no-exports")] : exports,
                          confidence: label("confidence.\(company.confidence.rawValue)"))
    }

    static func finding(_ finding: Finding, label: (String) -> String) -> FindingRow {
        var waiver = ""
        if let w = finding.waiver { waiver = Self.fill(label("waiver.text"), w.reason, w.expires.description) }
        return FindingRow(rule: finding.ruleID, severity: label("severity.\(finding.severity.rawValue)"), title: finding.title,
                          subject: finding.subject.name, message: finding.message, remediation: finding.remediation,
                          evidence: finding.evidence.map(evidence), waiver: waiver)
    }

    /// Puts the arguments in place of `{1}`, `{2}` … in a translated label.
    static func fill(_ template: String, _ arguments: Any...) -> String {
        var text = template
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: "\(argument)")
        }
        return text
    }

    static func day(_ date: Date) -> String { CalendarDay(date, timeZone: CalendarDay.utc).description }
}

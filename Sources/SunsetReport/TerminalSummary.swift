import Foundation
import SunsetCore
import SunsetRules

/// The few lines `audit` prints after writing its reports: what was scanned, a compact table
/// of the findings, the checklist's progress. Colour (ANSI) only when asked; names from the
/// disk never reach the terminal with their control characters.
public struct TerminalSummary: Sendable {
    let templates: TemplateSet
    /// Rows of the findings table before "… and N more".
    static let rows = 12

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The summary text; `written` lists the files just written.
    public func render(_ input: ReportInput, written: [String], colored: Bool) -> String {
        let labels = templates.labels(input.language)
        let results = input.results
        let inventory = results.inventory
        let paint = Paint(enabled: colored)
        var lines = [paint.bold("Sunset \(results.tool.version)") + " — " + labels.fill("summary.as-of", labels.day(results.asOf))]
        for root in inventory.roots {
            let kind = labels[root.isWindowsVolume ? "root.windows" : (root.host.isNone ? "root.plain-folder" : "root.folder")]
            let place = inventory.roots.count > 1 ? "[\(root.shownLabel)] \(root.path)" : root.path
            let host = root.host.isNone ? labels["host.none"] : root.host.name
            lines.append(Self.clean("  " + labels.fill("summary.scanned", Self.clean(place), kind, Self.clean(host)), limit: Self.width))
        }
        var walked = labels.fill("summary.walked", labels.number(inventory.coverage.files),
                                 labels.number(inventory.coverage.candidates), labels.number(inventory.coverage.gaps.count))
        if let seconds = input.duration { walked += ", " + labels.seconds(seconds) }
        lines.append("  " + walked)
        lines.append("  " + [labels.count("summary.installations", inventory.installations.count),
                             labels.count("summary.companies", inventory.companies.count),
                             labels.count("summary.backups", inventory.backups.filter(\.readable).count)].joined(separator: ", "))
        if let line = Self.programsLine(results, labels: labels) { lines.append("  " + line) }

        lines += glance(results, labels: labels, paint: paint)
        let active = results.findings.filter { $0.waiver == nil }
        if active.isEmpty {
            lines.append(paint.green(labels["nofindings"]))
        } else {
            lines.append("")
            let shown = active.prefix(Self.rows)
            var table = [[labels["severity"], labels["rule"], labels["subject"]]]
                + shown.map { [labels["severity.\($0.severity.rawValue)"], $0.ruleID, Self.clean($0.subject.name)] }
            let widths = (0..<2).map { column in table.map { $0[column].count }.max() ?? 0 }
            let room = max(Self.width - 2 - widths[0] - widths[1] - 4, 12)
            for index in table.indices { table[index][2] = Self.clean(table[index][2], limit: room) }
            for (index, row) in table.enumerated() {
                let severity = row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
                let rule = row[1].padding(toLength: widths[1], withPad: " ", startingAt: 0)
                let text = index == 0 ? paint.bold("\(severity)  \(rule)  \(row[2])")
                    : paint.severity(shown[shown.startIndex + index - 1].severity, severity) + "  \(rule)  \(row[2])"
                lines.append("  " + text)
            }
            if active.count > shown.count { lines.append("  " + labels.count("summary.more", active.count - shown.count)) }
            lines.append("")
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let n = active.filter { $0.severity == severity }.count
                return n == 0 ? nil : paint.severity(severity, labels.fill("summary.tally", labels.number(n), labels["severity.\(severity.rawValue)"]))
            }
            lines.append(labels["count"] + labels["colon"] + " " + counts.joined(separator: " · "))
        }
        let waived = results.findings.filter { $0.waiver != nil }
        if !waived.isEmpty {
            lines.append(labels.fill("summary.waived", labels.number(waived.count)))
            for finding in waived.prefix(Self.rows) {
                lines.append("  " + labels.fill("summary.waived-row", labels.day(finding.waiver!.expires), finding.ruleID,
                                                Self.clean(finding.subject.name, limit: 60)))
            }
            if waived.count > Self.rows { lines.append("  " + labels.count("summary.more", waived.count - Self.rows)) }
        }
        let items = results.checklist.flatMap(\.items)
        lines.append(labels.count("summary.checklist", items.filter(\.done).count, labels.number(items.count)))
        for path in written { lines.append(labels.fill("summary.wrote", Self.clean(path))) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The glance table in a few lines: one per company, a symbol and words for its state
    /// and the steps still open, then the step to do first; each line fits `width` columns.
    func glance(_ results: AuditResults, labels: Labels, paint: Paint) -> [String] {
        let table = GlanceTable(results)
        // As in the reports: the companies, then the systems and the programs past their end.
        let programs = ReportModel.programGlance(results, labels: labels)?.rows ?? []
        guard !table.rows.isEmpty || !programs.isEmpty else { return [] }
        var lines = ["", paint.bold(labels["summary.glance"])]
        let nameWidth = min((table.rows.map(\.name) + programs.map(\.name)).map { Self.clean($0).count }.max() ?? 0, 26)
        for row in table.rows {
            let progress = row.progress
            let symbol = labels[row.isDone ? "symbol.done" : "symbol.open"]
            var status = row.isDone ? labels["glance.all-done"]
                : labels.count("glance.open", progress.total - progress.done, labels.number(progress.total))
            let open = zip(table.columns, row.cells).compactMap { column, cell in cell?.done == false ? column.label : nil }
            if !open.isEmpty { status += labels["colon"] + " " + open.joined(separator: ", ") }
            let name = Self.clean(row.name, limit: nameWidth).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let text = Self.clean(status, limit: Self.width - 2 - 2 - nameWidth - 2)
            let painted = row.isDone ? paint.green(symbol) : paint.red(symbol)
            lines.append("  " + painted + " " + paint.bold(name) + "  " + text)
        }
        for program in programs {
            let name = Self.clean(program.name, limit: nameWidth).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            // "7 SP1 · ended January 14, 2020 · 23 .ods": only the parts it has (the symbol
            // already says ended or supported).
            // The version only when the name does not already carry it ("Python 2.7.13").
            let version = program.name.contains(program.version) ? "" : program.version
            var parts = [version, program.hasDate ? program.date : program.status, program.files]
            parts.removeAll { $0.isEmpty }
            let text = Self.clean(parts.joined(separator: " · "), limit: Self.width - 2 - 2 - nameWidth - 2)
            let symbol = program.level == "supported" ? paint.green(program.symbol) : paint.red(program.symbol)
            lines.append("  " + symbol + " " + paint.bold(name) + "  " + text)
        }
        if let next = NextStep(results.checklist) {
            let who = next.open[0].company.map { Self.clean($0) } ?? labels["checklist.machine"]
            lines.append(Self.clean(labels.fill("summary.next", next.step.title, who), limit: Self.width))
        } else if !results.checklist.isEmpty {
            lines.append(paint.green(labels["summary.all-done"]))
        }
        return lines
    }

    /// The terminal width the summary keeps within.
    static let width = 80

    /// Control characters (which could move the cursor or recolour the terminal) become "?";
    /// long names are cut with "…".
    static func clean(_ text: String, limit: Int = .max) -> String {
        var out = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) ? "?" : scalar
        }))
        if out.count > limit { out = String(out.prefix(limit - 1)) + "…" }
        return out
    }

    /// ANSI styling that does nothing when disabled.
    struct Paint {
        var enabled: Bool

        func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func bold(_ text: String) -> String { wrap("1", text) }
        func green(_ text: String) -> String { wrap("32", text) }
        func red(_ text: String) -> String { wrap("31", text) }

        func severity(_ severity: Severity, _ text: String) -> String {
            switch severity {
            case .critical: return wrap("1;31", text)
            case .high: return wrap("31", text)
            case .medium: return wrap("33", text)
            case .low: return wrap("34", text)
            case .info: return wrap("2", text)
            }
        }
    }
}

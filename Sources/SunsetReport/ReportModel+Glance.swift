import SunsetCore
import SunsetRules

extension ReportModel {
    /// A row of the "at a glance" table, in words.
    struct GlanceRow {
        var name: String; var done: Bool; var symbol: String; var status: String; var cells: [GlanceCell]
    }
    /// A cell: a symbol and a word (never colour alone), and the day behind it.
    struct GlanceCell {
        var column: String; var done: Bool; var applies: Bool; var symbol: String; var word: String; var date: String
        var dateISO: String; var hasDate: Bool; var evidence: String
    }
    /// The one step to do first.
    struct NextView { var title: String; var howTo: String; var who: String; var others: String? }

    static func glanceRows(_ table: GlanceTable, labels: Labels) -> [GlanceRow] {
        table.rows.map { row in
            let progress = row.progress
            let status = row.isDone ? labels["glance.all-done"]
                : labels.count("glance.open", progress.total - progress.done, labels.number(progress.total))
            return GlanceRow(name: row.name, done: row.isDone, symbol: labels[row.isDone ? "symbol.done" : "symbol.open"],
                             status: status, cells: zip(table.columns, row.cells).map { cell($1, column: $0.label, labels: labels) })
        }
    }

    static func cell(_ item: ChecklistStep.Item?, column: String, labels: Labels) -> GlanceCell {
        guard let item else {
            return GlanceCell(column: column, done: false, applies: false, symbol: labels["symbol.none"], word: labels["glance.not-applicable"],
                              date: "", dateISO: "", hasDate: false, evidence: "")
        }
        return GlanceCell(column: column, done: item.done, applies: true, symbol: labels[item.done ? "symbol.done" : "symbol.open"],
                          word: labels[item.done ? "state.done" : "state.open"], date: item.date.map(labels.day) ?? "",
                          dateISO: item.date?.description ?? "", hasDate: item.date != nil, evidence: item.evidence)
    }

    /// The step to do first, in words; nil when everything is done.
    static func nextStep(_ checklist: [ChecklistStep], labels: Labels) -> NextView? {
        guard let next = NextStep(checklist) else { return nil }
        let rest = next.open.dropFirst().compactMap(\.company)
        return NextView(title: next.step.title, howTo: next.step.howTo, who: next.open[0].company ?? labels["checklist.machine"],
                        others: rest.isEmpty ? nil : labels.count("next.others", rest.count, rest.joined(separator: ", ")))
    }
}

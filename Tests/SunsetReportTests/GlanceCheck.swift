import SunsetCore
@testable import SunsetReport

/// Compares the "at a glance" table of any results with their checklist, and returns every
/// disagreement (empty when none). Reusable on any results — the sample's, a corpus's.
enum GlanceCheck {
    static func mismatches(_ results: AuditResults) -> [String] {
        let table = GlanceTable(results)
        var problems: [String] = []
        let perCompany = results.checklist.filter { step in step.items.contains { $0.company != nil } }
        if table.columns.map(\.stepID) != perCompany.map(\.id) {
            problems.append("columns \(table.columns.map(\.stepID)) are not the per-company steps \(perCompany.map(\.id))")
        }
        let names = Set(results.inventory.companies.map(\.name) + perCompany.flatMap { $0.items.compactMap(\.company) })
        if Set(table.rows.map(\.name)) != names || table.rows.count != names.count {
            problems.append("rows \(table.rows.map(\.name)) are not one per company \(names.sorted())")
        }
        for row in table.rows {
            var allDone = true, any = false
            for (step, cell) in zip(perCompany, row.cells) {
                let item = step.items.first { $0.company == row.name }
                if item != cell { problems.append("\(row.name) / \(step.id): cell \(String(describing: cell)) ≠ item \(String(describing: item))") }
                if let item { any = true; allDone = allDone && item.done }
            }
            if row.isDone != (any && allDone) { problems.append("\(row.name): row done is \(row.isDone), its items say \(any && allDone)") }
        }
        return problems
    }

    /// The words the Markdown report must show for a row, in column order: "✓ done" or "✗ to do".
    static func expectedWords(_ row: GlanceTable.Row) -> [String] {
        row.cells.map { cell in cell.map { $0.done ? "✓ done" : "✗ to do" } ?? "— not applicable" }
    }
}

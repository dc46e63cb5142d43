import SunsetCore

/// The "at a glance" table, before any word is chosen: one row per subject (a company; once
/// the reports list them, an end-of-life program too), one column per checklist step that is
/// done company by company, and in each cell the checklist item itself, so the table can
/// never say something the checklist does not.
public struct GlanceTable: Hashable, Sendable {
    /// A checklist step shown as a column.
    public struct Column: Hashable, Sendable {
        /// The step's id, `<pack>/<step>`.
        public var stepID: String
        /// The step's short label, or its title when the results carry none (schema 1).
        public var label: String
        public var title: String
    }

    /// What a row is about.
    public enum Kind: String, Hashable, Sendable {
        case company
    }

    /// One subject and its state for every column.
    public struct Row: Hashable, Sendable {
        public var kind: Kind
        public var name: String
        /// One cell per column, nil where the step has no item for this subject.
        public var cells: [ChecklistStep.Item?]

        /// True when every step that applies is done (and at least one applies).
        public var isDone: Bool {
            let present = cells.compactMap { $0 }
            return !present.isEmpty && present.allSatisfy(\.done)
        }

        /// How many of the cells that apply are done, and how many apply.
        public var progress: (done: Int, total: Int) {
            let present = cells.compactMap { $0 }
            return (present.filter(\.done).count, present.count)
        }
    }

    public var columns: [Column]
    public var rows: [Row]

    /// The table for `results`: columns are the steps whose items name companies, in
    /// checklist order; rows the inventory's companies, then any other company the checklist
    /// names (so that a company the inventory lists differently still shows).
    public init(_ results: AuditResults) {
        let steps = results.checklist.filter { step in step.items.contains { $0.company != nil } }
        columns = steps.map { Column(stepID: $0.id, label: $0.label ?? $0.title, title: $0.title) }
        var names: [String] = []
        var seen = Set<String>()
        for name in results.inventory.companies.map(\.name) + steps.flatMap({ $0.items.compactMap(\.company) })
        where seen.insert(name).inserted {
            names.append(name)
        }
        rows = names.map { name in
            Row(kind: .company, name: name, cells: steps.map { step in step.items.first { $0.company == name } })
        }
    }
}

/// One step of the guided migration, with its state for every company (or once, globally).
public struct ChecklistStep: Hashable, Codable, Sendable {
    /// The full step id, `<pack>/<step>`.
    public var id: String
    public var title: String
    /// A short name for the step, for the column of the "at a glance" table (absent from
    /// results written before it existed; the title stands in).
    public var label: String?
    /// How to do it, step by step, in the report's language.
    public var howTo: String
    /// One entry per company for per-company steps; a single entry for global steps.
    public var items: [Item]

    public init(id: String, title: String, label: String? = nil, howTo: String, items: [Item]) {
        self.id = id
        self.title = title
        self.label = label
        self.howTo = howTo
        self.items = items
    }

    /// True when every item is done.
    public var isDone: Bool { !items.isEmpty && items.allSatisfy(\.done) }

    /// The step's state for one company (or the whole machine).
    public struct Item: Hashable, Codable, Sendable {
        /// The company's name; nil for a global step.
        public var company: String?
        public var done: Bool
        /// What in the scan shows it done (or what is missing).
        public var evidence: String
        /// The day of the evidence (the backup's, the export's …), when the scan knows one
        /// (absent from results written before it existed).
        public var date: CalendarDay?

        public init(company: String?, done: Bool, evidence: String, date: CalendarDay? = nil) {
            self.company = company
            self.done = done
            self.evidence = evidence
            self.date = date
        }
    }
}

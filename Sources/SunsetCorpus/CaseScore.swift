/// How one case (or the whole corpus) scored: hits and errors for findings and for ticks,
/// and a line for every difference from the expectations.
public struct CaseScore: Sendable {
    /// True positives, false positives and false negatives of one set comparison.
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        /// Share of what was reported that was expected; 1 when nothing was reported or expected.
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        /// Share of what was expected that was reported; 1 when nothing was expected.
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }

        private func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(truePositives: lhs.truePositives + rhs.truePositives,
                   falsePositives: lhs.falsePositives + rhs.falsePositives,
                   falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
        }
    }

    public var name: String
    public var findings: Counts
    public var ticks: Counts
    /// Every difference, one readable line each; empty when the case passed.
    public var misses: [String]

    public init(name: String, findings: Counts = Counts(), ticks: Counts = Counts(), misses: [String] = []) {
        self.name = name
        self.findings = findings
        self.ticks = ticks
        self.misses = misses
    }

    /// The sums over several cases (precision and recall over all their items).
    public static func total(_ scores: [CaseScore]) -> CaseScore {
        CaseScore(name: "total", findings: scores.map(\.findings).reduce(Counts(), +),
                  ticks: scores.map(\.ticks).reduce(Counts(), +), misses: scores.flatMap(\.misses))
    }
}

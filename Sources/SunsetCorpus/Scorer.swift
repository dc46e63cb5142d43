/// Compares what an audit concluded with what a case expects.
public enum Scorer {
    /// The score of one case; every miss line starts with the case's name.
    public static func score(name: String, expected: ExpectedResults, observed: ObservedResults) -> CaseScore {
        var misses: [String] = []
        let findings = compare(expected.findings, observed.findings, exhaustive: expected.findingsExhaustive,
                               what: "finding", into: &misses)
        let ticks = compare(expected.ticks, observed.ticks, exhaustive: expected.ticksExhaustive,
                            what: "tick", into: &misses)
        detections(expected, observed, into: &misses)
        return CaseScore(name: name, findings: findings, ticks: ticks, misses: misses.map { "\(name): \($0)" })
    }

    private static func compare<T: Hashable & Comparable & CustomStringConvertible>(
        _ expected: Set<T>, _ observed: Set<T>, exhaustive: Bool, what: String, into misses: inout [String]
    ) -> CaseScore.Counts {
        let missing = expected.subtracting(observed).sorted()
        let extra = exhaustive ? observed.subtracting(expected).sorted() : []
        misses += missing.map { "missing \(what) \($0)" }
        misses += extra.map { "unexpected \(what) \($0)" }
        return CaseScore.Counts(truePositives: expected.intersection(observed).count, falsePositives: extra.count,
                                falseNegatives: missing.count)
    }

    // MARK: - Detections

    private static func detections(_ expected: ExpectedResults, _ observed: ObservedResults, into misses: inout [String]) {
        var matched = Set<Int>()
        for company in expected.companies {
            let candidates = observed.companies.indices.filter {
                observed.companies[$0].name == company.name && (company.root == nil || observed.companies[$0].root == company.root)
            }
            let label = "company '\(company.name)'"
            if let index = candidates.first(where: { !matched.contains($0) }) {
                matched.insert(index)
                let found = observed.companies[index]
                if let folder = company.folder, folder != found.folder {
                    misses.append("\(label): folder '\(found.root)/\(found.folder)', expected '\(found.root)/\(folder)'")
                }
                if let files = company.dataFiles { sets(files, found.dataFiles, "\(label) data file", into: &misses) }
            } else {
                misses.append("\(label) not found")
            }
            sets(company.backups, observed.backupsByCompany[company.name] ?? [], "\(label) backup", into: &misses)
            sets(company.exports, observed.exportsByCompany[company.name] ?? [], "\(label) export", into: &misses)
        }
        if expected.companiesExhaustive {
            for (index, company) in observed.companies.enumerated() where !matched.contains(index) {
                let files = company.dataFiles.sorted().joined(separator: ", ")
                misses.append("unexpected company '\(company.name)' at \(company.root)/\(company.folder) (data files: \(files))")
            }
        }
        // Files given to a name that is neither an expected company nor one the scan lists.
        let known = Set(expected.companies.map(\.name)).union(observed.companies.map(\.name))
        for (name, files) in observed.backupsByCompany.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
            misses += files.sorted().map { "backup \($0) attributed to '\(name)', which is no company" }
        }
        for (name, files) in observed.exportsByCompany.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
            misses += files.sorted().map { "export \($0) attributed to '\(name)', which is no company" }
        }
        sets(expected.unattributedExports, observed.unattributedExports, "unattributed export", into: &misses)
        sets(expected.unattributedBackups, observed.unattributedBackups, "unattributed backup", into: &misses)
    }

    private static func sets(_ expected: Set<String>, _ observed: Set<String>, _ what: String, into misses: inout [String]) {
        misses += expected.subtracting(observed).sorted().map { "\(what) missing: \($0)" }
        misses += observed.subtracting(expected).sorted().map { "\(what) unexpected: \($0)" }
    }
}

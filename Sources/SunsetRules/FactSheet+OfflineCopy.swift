import SunsetCore

/// The offline-copy facts of a company: a bag made by `sunset rescue`, verified, off the
/// machine (another volume or a cloud-sync folder), that names the company.
extension FactSheet {
    /// `company.offline-copy` always; `company.offline-copy-path` (the bag's folder, absolute)
    /// and `company.offline-copy-date` (its `Bagging-Date`) when there is one. The newest wins.
    func offlineCopyFacts(_ company: Company) -> (values: [String: FactValue], evidence: [Evidence]) {
        let copies = (inventory.offlineCopies ?? [])
            .filter { $0.verified && $0.placement.isOffMachine && $0.covers(company) }
            .sorted { ($0.bagged ?? CalendarDay(ordinal: 0), $1.location) > ($1.bagged ?? CalendarDay(ordinal: 0), $0.location) }
        guard let copy = copies.first else { return (["company.offline-copy": .flag(false)], []) }
        var values: [String: FactValue] = [
            "company.offline-copy": .flag(true),
            "company.offline-copy-path": .text(absolutePath(copy.location)),
        ]
        if let day = copy.bagged { values["company.offline-copy-date"] = .date(day) }
        return (values, copy.evidence)
    }

    /// The root's path joined with the path below it.
    private func absolutePath(_ location: Location) -> String {
        guard inventory.roots.indices.contains(location.root) else { return location.path.description }
        let root = inventory.roots[location.root].path
        if location.path.bytes.isEmpty { return root }
        return (root == "/" ? "" : root) + "/" + location.path.description
    }
}

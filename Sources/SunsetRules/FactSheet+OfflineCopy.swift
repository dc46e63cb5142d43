import SunsetCore

/// The offline-copy facts of a company: a bag made by `sunset rescue`, verified, off the
/// machine (another volume or a cloud-sync folder), that names the company; and, since an
/// off-machine backup is an offline copy too, which of the two is the newest up-to-date one.
extension FactSheet {
    /// `company.offline-copy` (a verified bag, any age) always; `-path` and `-date` of the newest
    /// such bag; `company.offline-copy-up-to-date` when that bag is not older than the data's last
    /// change. `company.outdated-copy-path`/`-date`: when neither a verified bag nor a readable
    /// off-machine backup is up to date, the newest older one, so that reports can say
    /// "outdated copy of DATE" instead of nothing.
    func offlineCopyFacts(_ company: Company, lastChange: CalendarDay?,
                          offsite: [Backup]) -> (values: [String: FactValue], evidence: [Evidence]) {
        let bags = (inventory.offlineCopies ?? [])
            .filter { $0.verified && $0.placement.isOffMachine && $0.covers(company) }
            .sorted { ($0.bagged ?? CalendarDay(ordinal: 0), $1.location) > ($1.bagged ?? CalendarDay(ordinal: 0), $0.location) }
        let upToDate = { (day: CalendarDay?) in
            guard let lastChange else { return true }
            return day.map { $0 >= lastChange } ?? false
        }
        var values: [String: FactValue] = ["company.offline-copy": .flag(!bags.isEmpty)]
        var evidence: [Evidence] = []
        if let bag = bags.first {
            values["company.offline-copy-path"] = .text(absolutePath(bag.location))
            if let day = bag.bagged { values["company.offline-copy-date"] = .date(day) }
            values["company.offline-copy-up-to-date"] = .flag(upToDate(bag.bagged))
            evidence = bag.evidence
        }
        // Every candidate copy, newest first: bags by their bagging day, backups by their file day.
        var candidates: [(day: CalendarDay?, path: String)] = bags.map { ($0.bagged, absolutePath($0.location)) }
        candidates += offsite.map { (Self.day($0.file.modified), shown($0.file.location)) }
        candidates.sort { ($0.day ?? CalendarDay(ordinal: 0)) > ($1.day ?? CalendarDay(ordinal: 0)) }
        if !candidates.contains(where: { upToDate($0.day) }), let older = candidates.first, let day = older.day {
            values["company.outdated-copy-date"] = .date(day)
            values["company.outdated-copy-path"] = .text(older.path)
        }
        return (values, evidence)
    }

    /// The root's path joined with the path below it.
    func absolutePath(_ location: Location) -> String {
        guard inventory.roots.indices.contains(location.root) else { return location.path.description }
        let root = inventory.roots[location.root].path
        if location.path.bytes.isEmpty { return root }
        return (root == "/" ? "" : root) + "/" + location.path.description
    }
}

import SunsetCore

extension FactSheet {
    /// The machine a root belongs to (drives of one machine share one).
    func machine(_ root: Int) -> Int {
        inventory.roots.indices.contains(root) ? inventory.roots[root].machineIndex : root
    }

    /// A company's facts: its data, its backups (newest first) and its exports. Every "newest"
    /// path comes with whether it is up to date: made on or after the day the company's data
    /// last changed, since a copy older than the data does not hold all of it.
    func companyEntry(_ company: Company) -> Entry {
        var facts = common
        facts["company.name"] = .text(company.name)
        facts["company.folder"] = .text(shown(company.folder))
        facts["company.data-files"] = .number(company.dataFiles.count)
        facts["company.backup-only"] = .flag(company.isBackupOnly)
        facts["company.installed-here"] = .flag(installations.contains { machine($0.location.root) == machine(company.folder.root) })
        let lastChange = company.lastChange.map(Self.day)
        if let lastChange { facts["company.last-change"] = .date(lastChange) }
        let upToDate = { (day: CalendarDay) in lastChange.map { day >= $0 } ?? true }

        let own = backups.filter { $0.companies.contains(company.name) }.sorted { $0.date > $1.date }
        let readable = own.filter(\.readable)
        let offsite = readable.filter { $0.placement.isOffMachine }
        facts["company.readable-backups"] = .number(readable.count)
        facts["company.offsite-backups"] = .number(offsite.count)
        let offline = readable.filter { $0.placement == .otherVolume }
        facts["company.offline-backups"] = .number(offline.count)
        if let newest = offline.first {
            facts["company.newest-offline-backup-path"] = .text(shown(newest.file.location))
            facts["company.newest-offline-backup-date"] = .date(Self.day(newest.date))
        }
        var evidence = company.evidence
        if let newest = readable.first {
            let day = Self.day(newest.date)
            facts["company.newest-backup-path"] = .text(shown(newest.file.location))
            facts["company.newest-backup-date"] = .date(day)
            facts["company.newest-backup-up-to-date"] = .flag(upToDate(day))
            evidence += newest.evidence
        }
        if let newest = offsite.first {
            let day = Self.day(newest.date)
            facts["company.newest-offsite-backup-path"] = .text(shown(newest.file.location))
            facts["company.newest-offsite-backup-date"] = .date(day)
            facts["company.newest-offsite-backup-up-to-date"] = .flag(upToDate(day))
        }

        let attributed = inventory.exports(of: company)
        for kind in ExportKind.allCases {
            let name = kind == .clients ? "client" : "product"
            let fresh = attributed
                .filter { export in export.kind == kind && upToDate(Self.day(export.file.modified)) }
                .sorted { $0.file.modified > $1.file.modified }
            facts["company.\(name)-export-fresh"] = .flag(!fresh.isEmpty)
            if let export = fresh.first {
                facts["company.\(name)-export-path"] = .text(shown(export.file.location))
                facts["company.\(name)-export-date"] = .date(Self.day(export.file.modified))
            } else if let older = attributed.filter({ $0.kind == kind }).max(by: { $0.file.modified < $1.file.modified }) {
                facts["company.\(name)-export-outdated-date"] = .date(Self.day(older.file.modified))
            }
        }
        for (name, value) in readableListFacts(company, lastChange: lastChange) { facts[name] = value }
        facts.collections["company.backups"] = own.map { backup in
            var item = backupFacts(backup)
            item["backup.up-to-date"] = .flag(upToDate(Self.day(backup.date)))
            return item
        }
        facts.collections["company.exports"] = attributed.map(exportFacts)
        let copies = offlineCopyFacts(company, lastChange: lastChange, offsite: offsite)
        for (name, value) in copies.values { facts[name] = value }
        evidence += copies.evidence
        return Entry(subject: Subject(kind: .company, name: company.name, location: company.folder),
                     facts: facts, evidence: evidence, company: company.name)
    }
}

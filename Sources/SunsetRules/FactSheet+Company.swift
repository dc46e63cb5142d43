import SunsetCore

extension FactSheet {
    /// A company's facts: its data, its backups (newest first) and its exports.
    func companyEntry(_ company: Company) -> Entry {
        var facts = common
        facts["company.name"] = .text(company.name)
        facts["company.folder"] = .text(company.folder.path.description)
        facts["company.data-files"] = .number(company.dataFiles.count)
        facts["company.installed-here"] = .flag(installations.contains { $0.location.root == company.folder.root })
        if let lastChange = company.lastChange { facts["company.last-change"] = .date(Self.day(lastChange)) }

        let own = backups.filter { $0.companies.contains(company.name) }.sorted { $0.file.modified > $1.file.modified }
        let readable = own.filter(\.readable)
        let offsite = readable.filter { $0.placement.isOffMachine }
        facts["company.readable-backups"] = .number(readable.count)
        facts["company.offsite-backups"] = .number(offsite.count)
        let offline = readable.filter { $0.placement == .otherVolume }
        facts["company.offline-backups"] = .number(offline.count)
        if let newest = offline.first {
            facts["company.newest-offline-backup-path"] = .text(newest.file.location.path.description)
            facts["company.newest-offline-backup-date"] = .date(Self.day(newest.file.modified))
        }
        var evidence = company.evidence
        if let newest = readable.first {
            facts["company.newest-backup-path"] = .text(newest.file.location.path.description)
            facts["company.newest-backup-date"] = .date(Self.day(newest.file.modified))
            evidence += newest.evidence
        }
        if let newest = offsite.first {
            facts["company.newest-offsite-backup-path"] = .text(newest.file.location.path.description)
            facts["company.newest-offsite-backup-date"] = .date(Self.day(newest.file.modified))
        }

        let attributed = inventory.exports(of: company)
        for kind in ExportKind.allCases {
            let name = kind == .clients ? "client" : "product"
            let fresh = attributed
                .filter { export in export.kind == kind && company.lastChange.map { export.file.modified >= $0 } ?? true }
                .sorted { $0.file.modified > $1.file.modified }
            facts["company.\(name)-export-fresh"] = .flag(!fresh.isEmpty)
            if let export = fresh.first {
                facts["company.\(name)-export-path"] = .text(export.file.location.path.description)
                facts["company.\(name)-export-date"] = .date(Self.day(export.file.modified))
            }
        }
        facts.collections["company.backups"] = own.map(Self.backupFacts)
        facts.collections["company.exports"] = attributed.map(Self.exportFacts)
        let bag = offlineCopyFacts(company)
        for (name, value) in bag.values { facts[name] = value }
        evidence += bag.evidence
        return Entry(subject: Subject(kind: .company, name: company.name, location: company.folder),
                     facts: facts, evidence: evidence, company: company.name)
    }
}

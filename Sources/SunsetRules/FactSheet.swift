import Foundation
import SunsetCore

/// Turns an inventory into the facts rules read, one sheet per subject.
struct FactSheet {
    let inventory: Inventory
    let pack: RulePack
    let asOf: CalendarDay

    /// A subject together with its facts and the evidence a finding about it would show.
    struct Entry {
        var subject: Subject
        var facts: Facts
        var evidence: [Evidence]
        /// The company's name, for per-company checklist items.
        var company: String?
    }

    private var product: String { pack.id }
    private var companies: [Company] { inventory.companies.filter { $0.product == product } }
    private var installations: [Installation] { inventory.installations.filter { $0.product == product } }
    private var backups: [Backup] { inventory.backups.filter { $0.product == product } }

    /// True when the inventory holds anything of this pack's product.
    var productPresent: Bool { !installations.isEmpty || !companies.isEmpty || !backups.isEmpty }

    // MARK: - Common facts

    var common: Facts {
        var facts: Facts = [
            "as-of": .date(asOf),
            "product.installations": .number(installations.count),
            "product.companies": .number(companies.count),
            "product.readable-backups": .number(backups.filter(\.readable).count),
            "product.offsite-backups": .number(backups.filter { $0.readable && $0.placement.isOffMachine }.count),
        ]
        for (name, day) in pack.product.dates {
            facts["date.\(name)"] = .date(day)
            facts["days-since.\(name)"] = .number(asOf.days(since: day))
            facts["days-until.\(name)"] = .number(day.days(since: asOf))
        }
        return facts
    }

    // MARK: - Subjects per scope

    func entries(for scope: Subject.Kind) -> [Entry] {
        switch scope {
        case .host: return hosts
        case .installation: return installations.map(installationEntry)
        case .company: return companies.map(companyEntry)
        case .file: return backups.filter { !$0.readable }.map(fileEntry)
        }
    }

    /// One entry per distinct host OS among the roots that hold something of the product.
    var hosts: [Entry] {
        guard productPresent else { return [] }
        var seen = Set<HostOS>()
        var entries: [Entry] = []
        for root in inventory.roots where seen.insert(root.host).inserted {
            var facts = common
            facts["host.family"] = .text(root.host.family)
            facts["host.name"] = .text(root.host.name)
            facts["host.running-system"] = .flag(root.host.isRunningSystem)
            if let build = root.host.build { facts["host.build"] = .number(build) }
            entries.append(Entry(subject: Subject(kind: .host, name: root.host.name),
                                 facts: facts, evidence: root.host.evidence))
        }
        return entries
    }

    func installationEntry(_ installation: Installation) -> Entry {
        var facts = common
        facts["installation.path"] = .text(installation.location.path.description)
        facts["installation.confidence"] = .text(installation.confidence.rawValue)
        if let version = installation.version { facts["installation.version"] = .text(version) }
        return Entry(subject: Subject(kind: .installation, name: installation.location.path.description,
                                      location: installation.location),
                     facts: facts, evidence: installation.evidence)
    }

    func companyEntry(_ company: Company) -> Entry {
        var facts = common
        facts["company.name"] = .text(company.name)
        facts["company.folder"] = .text(company.folder.path.description)
        facts["company.data-files"] = .number(company.dataFiles.count)
        facts["company.installed-here"] = .flag(installations.contains { $0.location.root == company.folder.root })
        let lastChange = company.lastChange.map { CalendarDay($0, timeZone: CalendarDay.utc) }
        if let lastChange { facts["company.last-change"] = .date(lastChange) }

        let readable = inventory.readableBackups(of: company).sorted { $0.file.modified > $1.file.modified }
        let offsite = readable.filter { $0.placement.isOffMachine }
        facts["company.readable-backups"] = .number(readable.count)
        facts["company.offsite-backups"] = .number(offsite.count)
        var evidence = company.evidence
        if let newest = readable.first {
            let day = CalendarDay(newest.file.modified, timeZone: CalendarDay.utc)
            facts["company.newest-backup-path"] = .text(newest.file.location.path.description)
            facts["company.newest-backup-date"] = .date(day)
            facts["company.newest-backup-age-days"] = .number(asOf.days(since: day))
            if let lastChange { facts["company.backup-lag-days"] = .number(lastChange.days(since: day)) }
            evidence += newest.evidence
        }
        if let newest = offsite.first {
            facts["company.newest-offsite-backup-path"] = .text(newest.file.location.path.description)
        }
        for kind in ExportKind.allCases {
            let name = kind == .clients ? "client" : "product"
            let fresh = inventory.exports(of: company)
                .filter { export in
                    export.kind == kind && company.lastChange.map { export.file.modified >= $0 } ?? true
                }
                .sorted { $0.file.modified > $1.file.modified }
            facts["company.\(name)-export-fresh"] = .flag(!fresh.isEmpty)
            if let export = fresh.first {
                facts["company.\(name)-export-path"] = .text(export.file.location.path.description)
            }
        }
        return Entry(subject: Subject(kind: .company, name: company.name, location: company.folder),
                     facts: facts, evidence: evidence, company: company.name)
    }

    func fileEntry(_ backup: Backup) -> Entry {
        var facts = common
        facts["file.path"] = .text(backup.file.location.path.description)
        facts["file.readable"] = .flag(backup.readable)
        facts["file.companies"] = .text(backup.companies.joined(separator: ", "))
        if let problem = backup.problem { facts["file.problem"] = .text(problem) }
        return Entry(subject: Subject(kind: .file, name: backup.file.location.path.description,
                                      location: backup.file.location),
                     facts: facts, evidence: backup.evidence)
    }
}

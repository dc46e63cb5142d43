import Foundation
import SunsetCore

/// Turns an inventory into the facts rules read, one sheet per subject. The names and
/// types it fills are those of `FactTable`.
struct FactSheet {
    let inventory: Inventory
    let pack: RulePack
    let evaluation: Evaluation

    /// A subject together with its facts and the evidence a finding about it would show.
    struct Entry {
        var subject: Subject
        var facts: Facts
        var evidence: [Evidence]
        /// The company's name, for per-company checklist items.
        var company: String?
    }

    var asOf: CalendarDay { evaluation.asOf }
    private var product: String { pack.id }
    var companies: [Company] { inventory.companies.filter { $0.product == product } }
    var installations: [Installation] { inventory.installations.filter { $0.product == product } }
    var backups: [Backup] { inventory.countedBackups.filter { $0.product == product } }
    var exports: [Export] { inventory.exports.filter { $0.product == product } }

    /// True when the inventory holds an installation, a company or a backup of a company of
    /// this pack's product. A backup that no company claims (a zip merely named "backup")
    /// is not enough: it would make every pack with that word judge the disk.
    var productPresent: Bool {
        if pack.aboutPrograms { return !judgedPrograms.isEmpty }
        return !installations.isEmpty || !companies.isEmpty || backups.contains { !$0.companies.isEmpty }
    }

    /// A place as facts and messages show it: after its root's label when the scan has several.
    func shown(_ location: Location) -> String { inventory.shown(location) }

    /// A day from a file time, in UTC so that the same tree judges alike everywhere.
    static func day(_ date: Date) -> CalendarDay { CalendarDay(date, timeZone: CalendarDay.utc) }

    // MARK: - Facts every subject has

    var common: Facts {
        var values: [String: FactValue] = [
            "as-of": .date(asOf),
            "warn-within": .number(evaluation.warnWithin),
            "product.name": .text(pack.product.name),
            "product.vendor": .text(pack.product.vendor),
            "product.installations": .number(installations.count),
            "product.companies": .number(companies.count),
            "product.readable-backups": .number(backups.filter(\.readable).count),
            "product.offsite-backups": .number(backups.filter { $0.readable && $0.placement.isOffMachine }.count),
        ]
        for (name, day) in pack.product.dates { values["product.\(name)"] = .date(day) }
        let whole = inventory.wholeComputerBackups ?? []
        values["whole-computer-backups"] = .number(whole.count)
        if let newest = whole.max(by: { ($0.date, $0.location) < ($1.date, $1.location) }) {
            values["newest-whole-computer-backup-date"] = .date(Self.day(newest.date))
            values["newest-whole-computer-backup-tool"] = .text(newest.toolName)
        }
        return Facts(values, collections: [
            "installations": installations.map { Facts(installationValues($0)) },
            "backups": backups.map(backupFacts),
            "exports": exports.map(exportFacts),
        ])
    }

    // MARK: - Subjects per scope

    func entries(for scope: Subject.Kind) -> [Entry] {
        switch scope {
        case .host: return hosts
        case .installation: return installations.map(installationEntry)
        case .company: return companies.map(companyEntry)
        case .file: return backups.filter { !$0.readable }.map(fileEntry)
        case .program: return programEntries
        }
    }

    /// One entry per distinct host OS among the roots, when the product is present. A plain
    /// folder (`HostOS.none`) has no system and so no entry.
    var hosts: [Entry] {
        guard productPresent else { return [] }
        var seen = Set<HostOS>()
        return inventory.roots.filter { !$0.host.isNone && seen.insert($0.host).inserted }.map { root in
            var facts = common
            let host = root.host
            facts["host.family"] = .text(host.family)
            facts["host.name"] = .text(host.name)
            facts["host.running-system"] = .flag(host.isRunningSystem)
            if let build = host.build {
                facts["host.build"] = .number(build)
                if let table = evaluation.osReleases.table(for: host.family), let release = table.release(forBuild: build, hostName: host.editionHints) {
                    facts["host.release"] = .text(release.name)
                    facts["host.release-date"] = .date(release.released)
                    facts["host.end-of-support"] = .date(release.endOfSupport)
                    for (name, day) in pack.product.dates {
                        facts["host.releases-after.\(name)"] = .number(table.releases(after: day, upToBuild: build, hostName: host.editionHints))
                    }
                }
            }
            // The lifecycle packs know the edition (Enterprise and Education are serviced
            // longer than Home and Pro): their end of security support wins over the table's.
            if let lifecycle = host.lifecycle, let end = lifecycle.securitySupportEnd?.day {
                facts["host.end-of-support"] = .date(end)
                if facts["host.release"] == nil { facts["host.release"] = .text(host.name) }
            }
            return Entry(subject: Subject(kind: .host, name: host.name), facts: facts, evidence: host.evidence)
        }
    }

    private func installationValues(_ installation: Installation) -> [String: FactValue] {
        var values: [String: FactValue] = [
            "installation.path": .text(shown(installation.location)),
            "installation.confidence": .text(installation.confidence.rawValue),
        ]
        if let version = installation.version { values["installation.version"] = .text(version) }
        return values
    }

    func installationEntry(_ installation: Installation) -> Entry {
        Entry(subject: Subject(kind: .installation, name: shown(installation.location),
                               location: installation.location),
              facts: common.overlaid(with: Facts(installationValues(installation))), evidence: installation.evidence)
    }

    func fileEntry(_ backup: Backup) -> Entry {
        var facts = common
        facts["file.path"] = .text(shown(backup.file.location))
        facts["file.date"] = .date(Self.day(backup.date))
        facts["file.readable"] = .flag(backup.readable)
        facts["file.companies"] = .text(backup.companies.joined(separator: ", "))
        if let problem = backup.problem { facts["file.problem"] = .text(problem) }
        return Entry(subject: Subject(kind: .file, name: shown(backup.file.location),
                                      location: backup.file.location),
                     facts: facts, evidence: backup.evidence)
    }

    // MARK: - Collection items

    func backupFacts(_ backup: Backup) -> Facts {
        var values: [String: FactValue] = [
            "backup.path": .text(shown(backup.file.location)),
            "backup.date": .date(Self.day(backup.date)),
            "backup.readable": .flag(backup.readable),
            "backup.placement": .text(backup.placement.rawValue),
            "backup.off-machine": .flag(backup.placement.isOffMachine),
        ]
        if let problem = backup.problem { values["backup.problem"] = .text(problem) }
        if let provider = backup.cloudProvider { values["backup.provider"] = .text(provider) }
        if let source = backup.source { values["backup.source"] = .text(source.rawValue) }
        return Facts(values)
    }

    func exportFacts(_ export: Export) -> Facts {
        Facts([
            "export.path": .text(shown(export.file.location)),
            "export.date": .date(Self.day(export.file.modified)),
            "export.kind": .text(export.kind.rawValue),
        ])
    }
}

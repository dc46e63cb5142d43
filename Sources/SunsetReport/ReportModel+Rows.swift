import Foundation
import SunsetCore
import SunsetRules

extension ReportModel {
    /// How many data files of a company the reports list by name; the rest are counted.
    static let listedFiles = 10

    static func root(_ root: ScanRoot, input: ReportInput, labels: Labels) -> RootRow {
        let host = root.host
        let lifecycle = input.hostLifecycle(host)
        var os = host.name
        if let release = lifecycle?.release, release != host.name { os += " (\(release))" }
        let support: String
        if let ends = lifecycle?.supportEnds {
            // Undecided between editions: the day is the latest the support can end on.
            let bound = lifecycle?.isLowerBound == true ? "-bound" : ""
            support = input.results.asOf > ends ? labels.fill("host.support-ended" + bound, labels.day(ends))
                                                : labels.fill("host.supported-until" + bound, labels.day(ends))
        } else {
            support = labels["unknown"]
        }
        if host.isNone { os = labels["host.none"] }
        let kind = root.isWindowsVolume ? "root.windows" : (host.isNone ? "root.plain-folder" : "root.folder")
        return RootRow(path: root.path, label: input.results.inventory.roots.count > 1 ? root.shownLabel : nil,
                       kind: labels[kind],
                       os: os + (host.isRunningSystem ? " — " + labels["host.running"] : ""),
                       version: host.version ?? labels["unknown-f"], build: host.build.map(String.init) ?? labels["unknown"],
                       released: lifecycle?.released.map(labels.day) ?? labels["unknown-f"], support: support)
    }

    /// One piece of evidence as a line: its place (after its root's label in a multi-root
    /// scan), what was seen, the signature and the confidence.
    static func evidence(_ evidence: Evidence, inventory: Inventory, labels: Labels) -> String {
        let line = labels.fill("evidence.line", evidence.detail, evidence.signature,
                               labels["confidence.\(evidence.confidence.rawValue)"])
        return evidence.path.map { "\(inventory.shown($0, root: evidence.root))\(labels["colon"]) \(line)" } ?? line
    }

    static func installation(_ installation: Installation, inventory: Inventory, labels: Labels) -> InstallationRow {
        InstallationRow(path: inventory.shown(installation.location), version: installation.version ?? labels["unknown-f"],
                        confidence: labels["confidence.\(installation.confidence.rawValue)"],
                        evidence: installation.evidence.map { evidence($0, inventory: inventory, labels: labels) })
    }

    /// An export no company could be credited with, as a line.
    static func unattributed(_ export: Export, inventory: Inventory, labels: Labels) -> String {
        labels.fill("company.export", labels["export.\(export.kind.rawValue)"], inventory.shown(export.file.location),
                    labels.day(export.file.modified))
    }

    static func company(_ company: Company, _ results: AuditResults, labels: Labels) -> CompanyRow {
        let backups = results.inventory.readableBackups(of: company).sorted { $0.date > $1.date }
        var backup = labels["company.no-backup"]
        if let newest = backups.first {
            let made = CalendarDay(newest.date, timeZone: CalendarDay.utc)
            let age = results.asOf.days(since: made)
            let place: String
            switch newest.placement {
            case .local: place = labels["placement.local"]
            case .cloud: place = labels.fill("placement.cloud", newest.cloudProvider ?? labels["placement.cloud-unnamed"])
            case .otherVolume: place = labels["placement.other-volume"]
            }
            backup = labels.fill("company.backup", results.inventory.shown(newest.file.location), labels.day(made),
                                 age == 0 ? labels["age.today"] : labels.count("age.days", age), place)
        }
        let exports = results.inventory.exports(of: company).map {
            labels.fill("company.export", labels["export.\($0.kind.rawValue)"], results.inventory.shown($0.file.location),
                        labels.day($0.file.modified))
        }
        let files = company.dataFiles.prefix(listedFiles).map { file in
            let path = relative(file.location.path, to: company.folder.path)
            if let database = file.database {
                return labels.fill("company.data-file-database", path, database.displayName, file.kind, labels.day(file.modified))
            }
            return labels.fill("company.data-file", path, file.kind, labels.day(file.modified))
        }
        let hidden = company.dataFiles.count - files.count
        let folder = results.inventory.shown(company.folder)
        return CompanyRow(name: company.name,
                          folder: company.isBackupOnly ? labels.fill("company.backup-only", folder) : folder,
                          files: labels.count("company.files", company.dataFiles.count),
                          lastChange: company.lastChange.map(labels.day) ?? labels["unknown-f"],
                          confidence: labels["confidence.\(company.confidence.rawValue)"],
                          backup: backup, backupOffMachine: backups.first?.placement.isOffMachine ?? false,
                          hasBackup: !backups.isEmpty, exports: exports, hasExports: !exports.isEmpty,
                          dataFiles: files, moreFiles: hidden > 0 ? labels.count("company.more-files", hidden) : nil)
    }

    /// A path shown relative to the folder it lies in, or whole when it lies elsewhere.
    static func relative(_ path: VolumePath, to folder: VolumePath) -> String {
        guard path.isInside(folder), path.bytes.count > folder.bytes.count, !folder.bytes.isEmpty else {
            return path.description
        }
        return VolumePath(bytes: Array(path.bytes[(folder.bytes.count + 1)...])).description
    }

    static func finding(_ finding: Finding, inventory: Inventory, labels: Labels) -> FindingRow {
        var waiver = ""
        if let w = finding.waiver { waiver = labels.fill("waiver.text", w.reason, labels.day(w.expires)) }
        let evidence = finding.evidence.map { Self.evidence($0, inventory: inventory, labels: labels) }
        return FindingRow(rule: finding.ruleID, severity: finding.severity.rawValue,
                          severityLabel: labels["severity.\(finding.severity.rawValue)"], title: finding.title,
                          subject: labels.fill("subject.\(finding.subject.kind.rawValue)", finding.subject.name),
                          message: finding.message, remediation: finding.remediation,
                          evidence: evidence, hasEvidence: !evidence.isEmpty, waiver: waiver)
    }

    static func step(_ step: ChecklistStep, number: Int, labels: Labels) -> Step {
        let done = step.items.filter(\.done).count
        let items = step.items.map { item in
            Item(done: item.done, state: labels[item.done ? "state.done" : "state.open"],
                 who: item.company ?? labels["checklist.machine"], evidence: item.evidence)
        }
        return Step(number: number, title: step.title, howTo: step.howTo, done: step.isDone,
                    state: labels[step.isDone ? "state.done" : "state.open"],
                    progress: labels.count("checklist.progress", done, labels.number(step.items.count)),
                    items: items, hasItems: !items.isEmpty)
    }
}

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
            support = input.results.asOf > ends ? labels.fill("host.support-ended", labels.day(ends))
                                                : labels.fill("host.supported-until", labels.day(ends))
        } else {
            support = labels["unknown"]
        }
        return RootRow(path: root.path, kind: labels[root.isWindowsVolume ? "root.windows" : "root.folder"],
                       os: os + (host.isRunningSystem ? " — " + labels["host.running"] : ""),
                       version: host.version ?? labels["unknown-f"], build: host.build.map(String.init) ?? labels["unknown"],
                       released: lifecycle?.released.map(labels.day) ?? labels["unknown-f"], support: support)
    }

    static func evidence(_ evidence: Evidence, labels: Labels) -> String {
        let line = labels.fill("evidence.line", evidence.detail, evidence.signature,
                               labels["confidence.\(evidence.confidence.rawValue)"])
        return evidence.path.map { "\($0.description)\(labels["colon"]) \(line)" } ?? line
    }

    static func installation(_ installation: Installation, labels: Labels) -> InstallationRow {
        InstallationRow(path: installation.location.path.description, version: installation.version ?? labels["unknown-f"],
                        confidence: labels["confidence.\(installation.confidence.rawValue)"],
                        evidence: installation.evidence.map { evidence($0, labels: labels) })
    }

    static func company(_ company: Company, _ results: AuditResults, labels: Labels) -> CompanyRow {
        let backups = results.inventory.readableBackups(of: company).sorted { $0.file.modified > $1.file.modified }
        var backup = labels["company.no-backup"]
        if let newest = backups.first {
            let made = CalendarDay(newest.file.modified, timeZone: CalendarDay.utc)
            let age = results.asOf.days(since: made)
            let place: String
            switch newest.placement {
            case .local: place = labels["placement.local"]
            case .cloud: place = labels.fill("placement.cloud", newest.cloudProvider ?? labels["placement.cloud-unnamed"])
            case .otherVolume: place = labels["placement.other-volume"]
            }
            backup = labels.fill("company.backup", newest.file.location.path.description, labels.day(made),
                                 age == 0 ? labels["age.today"] : labels.count("age.days", age), place)
        }
        let exports = results.inventory.exports(of: company).map {
            labels.fill("company.export", labels["export.\($0.kind.rawValue)"], $0.file.location.path.description,
                        labels.day($0.file.modified))
        }
        let files = company.dataFiles.prefix(listedFiles).map { file in
            labels.fill("company.data-file", relative(file.location.path, to: company.folder.path), file.kind,
                        labels.day(file.modified))
        }
        let hidden = company.dataFiles.count - files.count
        return CompanyRow(name: company.name, folder: company.folder.path.description,
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

    static func finding(_ finding: Finding, labels: Labels) -> FindingRow {
        var waiver = ""
        if let w = finding.waiver { waiver = labels.fill("waiver.text", w.reason, labels.day(w.expires)) }
        let evidence = finding.evidence.map { Self.evidence($0, labels: labels) }
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

import Foundation
import SunsetCore

/// File History copies of a company's files are backups of that company: matched by the path
/// they were copied from (the company folder's path on its volume, any case), else by the
/// company folder's own name (another user's copy, a redirected Documents folder), else by the
/// product's own layout (`Invoice2go\<Company>\…`, which makes a company known only from
/// these copies). The copies of one moment make one backup, dated by File History's suffix.
extension ProductFinder {
    /// How a copy was tied to a company.
    private struct Match {
        var company: String
        var evidence: Evidence
    }

    mutating func findFileHistoryBackups() throws(ScanError) {
        guard !fileHistory.isEmpty else { return }
        var matched: [(copy: FileHistoryCopy, match: Match)] = []
        for copy in fileHistory {
            matched += matches(copy).map { (copy, $0) }
        }
        guard !matched.isEmpty else { return }
        // Only data files count: each matched copy is identified by its content.
        let unique = Array(Set(matched.map { $0.copy.location })).sorted()
        let jobs = unique.map { Identifier.Job(opener: volumes[$0.root].opener, path: $0.path.bytes) }
        var identified: [Location: FileProbe] = [:]
        for (location, probe) in zip(unique, try Identifier().probe(jobs)) {
            if let problem = probe.problem {
                gaps.append(.init(location: location, reason: problem))
                continue
            }
            guard case .data = ContentKind(mime: probe.mime, description: probe.description),
                  !executableGlobs.contains(location.path.bytes) else { continue }
            identified[location] = probe
        }
        probed += unique.count
        struct SetKey: Hashable { var company: String; var root: Int; var taken: Date }
        var sets: [SetKey: [(copy: FileHistoryCopy, match: Match, probe: FileProbe)]] = [:]
        for (copy, match) in matched {
            guard let probe = identified[copy.location] else { continue }
            sets[SetKey(company: match.company, root: copy.location.root, taken: copy.taken), default: []].append((copy, match, probe))
        }
        for (key, members) in sets.sorted(by: { ($0.key.company, $0.key.taken) < ($1.key.company, $1.key.taken) }) {
            let sorted = members.sorted { $0.copy.location < $1.copy.location }
            let first = sorted[0]
            let location = first.copy.location
            var evidence = [Evidence(
                signature: "backup.file-history",
                detail: "File History copy taken \(Self.stamp(key.taken)) UTC for '\(first.copy.user)' on '\(first.copy.computer)': "
                    + sorted.prefix(3).map { $0.copy.windowsPath }.joined(separator: ", ")
                    + (sorted.count > 3 ? " and \(sorted.count - 3) more" : ""),
                at: location, confidence: .high)]
            var seen = Set<String>()
            for member in sorted where seen.insert(member.match.evidence.detail).inserted {
                evidence.append(member.match.evidence)
            }
            let cloud = CloudFolders.provider(of: location, among: volumes[location.root].cloudFolders)
            backups.append(Backup(
                product: product,
                file: DataFile(location: location, size: sorted.reduce(0) { $0 + $1.probe.size },
                               modified: sorted.map { $0.probe.modified }.max()!, kind: first.probe.description, mime: first.probe.mime),
                companies: [key.company], readable: true, problem: nil,
                placement: placement(of: volumes[location.root], cloud: cloud), cloudProvider: cloud,
                evidence: evidence, source: .fileHistory, taken: key.taken))
            if sorted.count > 1 {
                backups[backups.count - 1].setFiles = sorted.map { member in
                    DataFile(location: member.copy.location, size: member.probe.size, modified: member.probe.modified,
                             kind: member.probe.description, mime: member.probe.mime)
                }
            }
        }
    }

    /// The companies a copy belongs to: by the company folder's path on its volume, else by
    /// its folder's name, else by the product's layout (a new company known only from it).
    private mutating func matches(_ copy: FileHistoryCopy) -> [Match] {
        let original = copy.original.lowercased()
        let folders = companies.filter { !$0.isBackupOnly }
        let byPath = folders.filter { company in
            let relative = company.folder.path.description.lowercased()
            return !relative.isEmpty && original.hasPrefix(relative + "/")
        }
        if !byPath.isEmpty {
            return byPath.map { company in
                Match(company: company.name, evidence: Evidence(
                    signature: "backup.file-history-match",
                    detail: "copied from \(copy.drive):\\\(company.folder.path.description.replacingOccurrences(of: "/", with: "\\")), "
                        + "the path of the folder of '\(company.name)'",
                    at: copy.location, confidence: .high))
            }
        }
        let components = copy.original.split(separator: "/").dropLast().map { $0.lowercased() }
        let byName = folders.filter { company in
            let name = company.folder.path.lastComponent.lowercased()
            return !company.folder.path.bytes.isEmpty && components.contains(name)
        }
        if !byName.isEmpty {
            return byName.map { company in
                Match(company: company.name, evidence: Evidence(
                    signature: "backup.file-history-match",
                    detail: "copied from a folder named like the folder of '\(company.name)' "
                        + "('\(company.folder.path.lastComponent)'), at another place on the drive",
                    at: copy.location, confidence: .medium))
            }
        }
        guard let name = companyInEntry(copy.original) else { return [] }
        let known = companies.first { Self.squeeze($0.name.lowercased()) == Self.squeeze(name.lowercased()) }
        if known == nil {
            // The copied company folder, as File History keeps it, is where this company is known from.
            let parts = copy.original.split(separator: "/")
            let index = parts.firstIndex { $0.lowercased() == name.lowercased() } ?? parts.count - 1
            let depth = parts.count - 1 - index
            var folder = copy.location.path.parent
            for _ in 0..<depth { folder = folder.parent }
            let at = Location(root: copy.location.root, path: folder)
            companies.append(Company(
                product: product, name: name, folder: at, dataFiles: [],
                evidence: [Evidence(signature: "company.backup-only",
                                    detail: "known only from File History copies of \(copy.drive):\\"
                                        + parts.prefix(index + 1).joined(separator: "\\") + "; no folder of its data was found",
                                    at: at, confidence: .medium)],
                backupOnly: true))
        }
        let owner = known?.name ?? name
        return [Match(company: owner, evidence: Evidence(
            signature: "backup.file-history-match",
            detail: "copied from \(copy.windowsPath), in the product's data folder under the company '\(owner)'",
            at: copy.location, confidence: .medium))]
    }

    /// A moment as File History's suffix writes it, readably: `2026-11-28 10:15:00`.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.utc
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}

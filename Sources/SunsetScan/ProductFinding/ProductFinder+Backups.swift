import Foundation
import SunsetCore

/// Backups: a file named like an archive counts when its name, its place or its entries tie
/// it to a company; it is readable only when its content checks pass.
extension ProductFinder {
    mutating func findBackups(_ volume: Volume, files: Set<[UInt8]>) {
        for path in files.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let probe = probes[Key(root: volume.index, path: path)] else { continue }
            let location = Location(root: volume.index, path: VolumePath(bytes: path))
            let kind = ContentKind(mime: probe.mime, description: probe.description)
            let folded = FoldedName(location.path.lastComponent)
            var (owners, evidence) = ownersByName(location, folded: folded)
            var zip: ZipCheck.Outcome?
            if case .archive(.zip) = kind, owners.isEmpty || !evidence.isEmpty {
                // An archive named after the product is looked into: which entries are data files.
                let named = owners.isEmpty ? productWord(in: folded) : nil
                let sniffer = named == nil ? nil : EntrySniffer(executables: executableGlobs)
                var heads: ZipCheck.HeadReader?
                if let sniffer { heads = { sniffer.look($0, $1) } }
                let outcome = ZipCheck.check(path, opener: volume.opener, heads: heads)
                zip = outcome
                if owners.isEmpty {
                    var shown: (word: String, shown: [NamedEntry])?
                    if let named, let sniffer {
                        shown = (named, companiesInNamedArchive(location.path.lastComponent, dataEntries: sniffer.dataEntries))
                    }
                    (owners, evidence) = ownersByEntries(outcome.entryNames, location, evidence, named: shown)
                }
            }
            guard !evidence.isEmpty else { continue }  // an archive unrelated to any company
            if owners.isEmpty, companies.count == 1 {
                owners = [companies[0].name]
                evidence.append(Evidence(signature: "backup.only-company",
                                         detail: "names no company; '\(companies[0].name)' is the only company found",
                                         path: location.path, confidence: .low))
            }
            var problem: String?
            switch kind {
            case .empty:
                problem = "empty file"
            case let .archive(format):
                evidence.append(Evidence(signature: "backup.content", detail: "content: \(probe.description)",
                                         path: location.path, confidence: .high))
                problem = zip.map(\.problem)
                    ?? ArchiveCheck.problem(format: format, path: path, size: probe.size, head: probe.head, opener: volume.opener)
                if problem == nil && format == .zip {
                    evidence.append(Evidence(signature: "backup.checked",
                                             detail: "\(zip?.entryNames.count ?? 0) entries, every CRC-32 verified",
                                             path: location.path, confidence: .high))
                }
            default:
                if Self.fileExtension(path) == "bak" {
                    evidence.append(Evidence(signature: "backup.content", detail: "backup file, content: \(probe.description)",
                                             path: location.path, confidence: .medium))
                } else {
                    problem = "not a readable archive (content: \(probe.description))"
                }
            }
            let cloud = CloudFolders.provider(of: location, among: volume.cloudFolders)
            backups.append(Backup(
                product: product,
                file: DataFile(location: location, size: probe.size, modified: probe.modified,
                               kind: probe.description, mime: probe.mime),
                companies: owners.sorted(), readable: problem == nil, problem: problem,
                placement: placement(of: volume, cloud: cloud), cloudProvider: cloud, evidence: evidence))
        }
    }

    /// Local, in a cloud folder, or on a volume (of another machine than any of the product's
    /// company folders: drives of one machine count as one).
    func placement(of volume: Volume, cloud: String?) -> Placement {
        if cloud != nil { return .cloud }
        let machine = { (root: Int) in volumes.indices.contains(root) ? volumes[root].root.machineIndex : root }
        let folders = companies.filter { !$0.isBackupOnly }
        if !folders.isEmpty && !folders.contains(where: { machine($0.folder.root) == volume.root.machineIndex }) {
            return .otherVolume
        }
        return .local
    }

    /// The company an entry path names by the product's layout: the folder after one carrying a
    /// data-folder name, or a folder whose name carries a marker. Files directly in the data
    /// folder, and folders of one letter or none, name no company.
    func companyInEntry(_ entry: String) -> String? {
        let parts = entry.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2, !entry.hasSuffix("/") || parts.count >= 3 else { return nil }
        let folders = entry.hasSuffix("/") ? parts : Array(parts.dropLast())
        for (index, folder) in folders.enumerated() {
            if dataFolderGlobs.firstMatch(Array(folder.utf8)) != nil {
                guard index + 1 < folders.count else { return nil }
                let name = folders[index + 1]
                return Self.squeeze(name).count >= 2 ? name : nil
            }
            let lowered = folder.lowercased()
            if signatures.companyFolderMarkers.contains(where: { lowered.contains($0.lowercased()) }) {
                let name = stripMarkers(folder)
                if Self.squeeze(name).count >= 2 { return name }
            }
        }
        return nil
    }

    /// Companies a backup's name or place names, with the evidence.
    private func ownersByName(_ location: Location, folded: FoldedName) -> ([String], [Evidence]) {
        let name = location.path.lastComponent
        var evidence: [Evidence] = []
        if let word = backupWords.first(in: folded) {
            evidence.append(Evidence(signature: "backup.words", detail: "file name contains '\(word)'",
                                     path: location.path, confidence: .medium))
        }
        var owners = companyNames(in: name.lowercased())
        for owner in owners {
            evidence.append(Evidence(signature: "backup.company-name", detail: "file name names the company '\(owner)'",
                                     path: location.path, confidence: .medium))
        }
        if owners.isEmpty, let inside = companies.first(where: {
            $0.folder.root == location.root && location.path.isInside($0.folder.path)
        }) {
            owners = [inside.name]
            evidence.append(Evidence(signature: "backup.company-folder", detail: "lies in the folder of '\(inside.name)'",
                                     path: location.path, confidence: .medium))
        }
        return (owners, evidence)
    }

    /// Companies an archive's entries show: an entry in the product's own layout
    /// (`Invoice2go/<Company>/…`) names its company, which becomes a company known only from
    /// this backup when no folder of it was found (never silently dropped); otherwise an entry
    /// named like a data file of exactly one company, or whose path names a company. An archive
    /// that holds the program itself (its executable) shows no company by layout.
    ///
    /// `named` is given for an archive whose own name carries the product's word: that word, and
    /// the companies its data entries show (`companiesInNamedArchive`). Those entries belong to
    /// their company before any match by data-file name, and create it when no folder of it
    /// was found, as the layout does.
    mutating func ownersByEntries(_ entries: [String], _ location: Location, _ evidence: [Evidence],
                                  named: (word: String, shown: [NamedEntry])? = nil) -> ([String], [Evidence]) {
        var evidence = evidence
        var owners: [String] = []
        let program = entries.contains { executableGlobs.contains(Array($0.utf8)) }
        let shown = program ? [] : named?.shown ?? []
        if let named, !shown.isEmpty {
            evidence.append(Evidence(signature: "backup.product-name", detail: "file name carries the product's name '\(named.word)'",
                                     path: location.path, confidence: .medium))
        }
        /// Claims `entry` for the company `name`: a known company of that name, else a new one
        /// known only from this archive.
        func claim(_ name: String, entry: String, how: String) {
            let known = companies.first { Self.squeeze($0.name.lowercased()) == Self.squeeze(name.lowercased()) }
            let owner = known?.name ?? name
            guard !owners.contains(owner) else { return }
            owners.append(owner)
            evidence.append(Evidence(signature: "backup.entries", detail: "entry '\(entry)' \(how) '\(owner)'",
                                     at: location, confidence: .medium))
            if known == nil {
                companies.append(Company(
                    product: product, name: name, folder: location, dataFiles: [],
                    evidence: [Evidence(signature: "company.backup-only",
                                        detail: "known only from the entries of this archive ('\(entry)'); no folder of its data was found",
                                        at: location, confidence: .medium)],
                    backupOnly: true))
            }
        }
        let claimed = Set(shown.map(\.folder))
        for entry in entries {
            if !program, let name = companyInEntry(entry) {
                claim(name, entry: entry, how: "lies in the product's data folder, under the company")
                continue
            }
            if let found = shown.first(where: { $0.entry == entry }) {
                claim(found.company, entry: entry, how: found.folder == nil
                    ? "is a data file at the top of an archive named after the product and the company"
                    : "is a data file under the folder '\(found.folder!)' of an archive named after the product, the company")
                continue
            }
            // The other entries of a folder (or a top) already claimed belong to its company too.
            let top = entry.split(separator: "/", omittingEmptySubsequences: true)
            if !shown.isEmpty, claimed.contains(top.count >= 2 ? String(top[0]) : nil) || claimed.contains(nil) { continue }
            let base = (entry as NSString).lastPathComponent.lowercased()
            let holders = companies.filter { company in
                company.dataFiles.contains { $0.location.path.lastComponent.lowercased() == base }
            }
            let named = companyNames(in: entry.lowercased())
            for owner in (holders.count == 1 ? [holders[0].name] : []) + named where !owners.contains(owner) {
                owners.append(owner)
                evidence.append(Evidence(signature: "backup.entries", detail: "entry '\(entry)' is data of '\(owner)'",
                                         at: location, confidence: .medium))
            }
        }
        return (owners.sorted(), evidence)
    }
}

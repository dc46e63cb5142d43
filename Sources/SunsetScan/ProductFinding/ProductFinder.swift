import Foundation
import SunsetCore

/// Applies one product's signatures to the walked volumes.
struct ProductFinder {
    let signatures: ProductSignatures
    let volumes: [Volume]

    private(set) var installations: [Installation] = []
    var companies: [Company] = []
    var backups: [Backup] = []
    var exports: [Export] = []
    var gaps: [Coverage.Gap] = []
    /// How many files were opened.
    var probed = 0
    /// Probe results by (root, path).
    var probes: [Key: FileProbe] = [:]
    /// Files already probed while the walk went on.
    var early: [EarlyProbes.Key: FileProbe] = [:]
    /// The File History copies found on every volume, which may be copies of a company's files.
    var fileHistory: [FileHistoryCopy] = []

    struct Key: Hashable {
        var root: Int
        var path: [UInt8]
    }

    /// The signatures' globs, compiled once. They are case-insensitive everywhere: the
    /// products are Windows programs whose files keep NTFS/FAT's case-blind names even when
    /// copied to other systems.
    let installFolderGlobs: GlobSet
    let executableGlobs: GlobSet
    let shortcutGlobs: GlobSet
    let companyFolderGlobs: GlobSet
    let backupGlobs: GlobSet
    /// `**/NAME` for each of the pack's data-folder names: the folders companies live in.
    let dataFolderGlobs: GlobSet
    /// Company globs relative to a Documents folder, for those the registry records.
    let documentsGlobs: [Glob]
    /// The Documents folders any volume's hives record, by the volume they are on.
    let recordedDocuments: [Int: [UserFolder]]
    /// The pack's words, folded once: backup words (also inside a compound), client-list and
    /// product-list words (at a word's start), and the product's markers in archive names.
    let backupWords: WordList
    let clientWords: WordList
    let productWords: WordList
    let markerWords: WordList

    init(signatures: ProductSignatures, volumes: [Volume]) {
        self.signatures = signatures
        self.volumes = volumes
        installFolderGlobs = GlobSet(signatures.installFolders)
        executableGlobs = GlobSet(signatures.executables)
        shortcutGlobs = GlobSet(signatures.shortcuts)
        companyFolderGlobs = GlobSet(signatures.companyFolders)
        backupGlobs = GlobSet(signatures.backupNames)
        dataFolderGlobs = GlobSet(signatures.dataFolderNames.map { "**/\($0)" })
        documentsGlobs = Self.documentsRelative(signatures.companyFolders)
        recordedDocuments = Dictionary(grouping: volumes.flatMap(\.registry.documentsFolders).filter { $0.location != nil },
                                       by: { $0.location!.root })
        backupWords = WordList(signatures.backupWords, anchor: .anywhere)
        clientWords = WordList(signatures.clientListWords, anchor: .wordStart)
        productWords = WordList(signatures.productListWords, anchor: .wordStart)
        markerWords = WordList(signatures.companyFolderMarkers, anchor: .anywhere)
    }

    var product: String { signatures.product }

    mutating func run() throws(ScanError) {
        var candidates: [Candidates] = []
        for volume in volumes {
            let folders = installationFolders(volume)
            let found = classify(volume, programFolders: folders)
            findInstallations(volume, folders: folders, programFiles: found.programFiles)
            candidates.append(found)
        }
        var jobs: [(Key, Identifier.Job)] = []
        for volume in volumes {
            for path in candidates[volume.index].toProbe.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                jobs.append((Key(root: volume.index, path: path), .init(opener: volume.opener, path: path)))
            }
        }
        let left = jobs.filter { early[EarlyProbes.Key(root: $0.0.root, path: PathKey($0.0.path))] == nil }
        var fresh = try Identifier().probe(left.map(\.1)).makeIterator()
        let results = jobs.map { key, _ in early[EarlyProbes.Key(root: key.root, path: PathKey(key.path))] ?? fresh.next()! }
        probed = results.count
        for ((key, _), probe) in zip(jobs, results) {
            if let problem = probe.problem {
                gaps.append(.init(location: Location(root: key.root, path: VolumePath(bytes: key.path)), reason: problem))
            } else {
                probes[key] = probe
            }
        }
        // Exports first, so that no company counts one among its data files; backups after
        // the companies, whose names and files tie them to their owners; attribution last.
        var exportFiles: [Key: ExportKind] = [:]
        for volume in volumes { findExports(volume, files: candidates[volume.index].exports) }
        for export in exports { exportFiles[Key(root: export.file.location.root, path: export.file.location.path.bytes)] = export.kind }
        var archives: [Set<[UInt8]>] = []
        for volume in volumes {
            archives.append(findCompanies(volume, places: candidates[volume.index].companyFolders, exports: exportFiles))
        }
        for volume in volumes {
            findBackups(volume, files: candidates[volume.index].backups.union(archives[volume.index]))
        }
        try findFileHistoryBackups()
        dropBackupsFromData()
        attributeExports()
    }

    // MARK: - Installations

    /// Program folders named by the signatures, outermost first.
    private func installationFolders(_ volume: Volume) -> [[UInt8]] {
        volume.directories.filter { entry in
            entry.kind == .directory && installFolderGlobs.contains(entry.path)
        }.map(\.path).sorted { $0.lexicographicallyPrecedes($1) }
    }

    private mutating func findInstallations(_ volume: Volume, folders: [[UInt8]], programFiles: [[UInt8]]) {
        var found: [Installation] = []
        for folder in folders {
            guard let glob = installFolderGlobs.firstMatch(folder) else { continue }
            let path = VolumePath(bytes: folder)
            if found.contains(where: { path.isInside($0.location.path) }) { continue }
            found.append(Installation(product: product, location: Location(root: volume.index, path: path), evidence: [
                Evidence(signature: "installation.folders", detail: "program folder matches '\(glob)'",
                         path: path, confidence: .medium),
            ]))
        }
        var shortcuts: [Evidence] = []
        for file in programFiles.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let path = VolumePath(bytes: file)
            if let glob = shortcutGlobs.firstMatch(file) {
                shortcuts.append(Evidence(signature: "installation.shortcuts",
                                          detail: "shortcut '\(path.lastComponent)' matches '\(glob)'",
                                          path: path, confidence: .low))
                continue
            }
            var evidence: [Evidence] = []
            if let glob = executableGlobs.firstMatch(file) {
                evidence.append(Evidence(signature: "installation.executables",
                                         detail: "executable '\(path.lastComponent)' matches '\(glob)'",
                                         path: path, confidence: .medium))
            }
            let (versionEvidence, version) = versionResource(file, volume: volume)
            evidence += versionEvidence
            guard !evidence.isEmpty else { continue }
            if let owner = found.firstIndex(where: { path.isInside($0.location.path) }) {
                found[owner].evidence += evidence
                if found[owner].version == nil { found[owner].version = version }
            } else {
                found.append(Installation(product: product, location: Location(root: volume.index, path: path.parent),
                                          version: version, evidence: evidence))
            }
        }
        addRegistryInstallations(volume, to: &found)
        for index in found.indices { found[index].evidence += shortcuts }
        installations += found
    }

    /// Evidence from an executable's version resource when it names the product, and the
    /// version it states. A malformed image becomes a coverage note.
    private mutating func versionResource(_ file: [UInt8], volume: Volume) -> ([Evidence], String?) {
        guard !signatures.versionInfo.isEmpty else { return ([], nil) }
        let path = VolumePath(bytes: file)
        switch volume.opener.withFile(file, { size, read in PEVersionReader.read(size: size, read) }) {
        case let .success(info)?:
            let words = signatures.versionInfo.map { $0.lowercased() }
            let fields = [("ProductName", info.productName), ("FileDescription", info.fileDescription)]
            guard let (field, value) = fields.first(where: { _, value in
                words.contains { value?.lowercased().contains($0) ?? false }
            }) else { return ([], nil) }
            var detail = "version resource \(field) '\(value ?? "")'"
            if let version = info.version { detail += ", file version \(version)" }
            return ([Evidence(signature: "installation.version-info", detail: detail, path: path, confidence: .high)], info.version)
        case let .failure(failure)?:
            if case .noVersionResource = failure { return ([], nil) }
            gaps.append(.init(location: Location(root: volume.index, path: path), reason: "executable: \(failure)"))
            return ([], nil)
        case nil:
            return ([], nil)
        }
    }
}

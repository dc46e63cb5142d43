import Foundation
import SunsetCore

/// Applies one product's signatures to the walked volumes.
struct ProductFinder {
    let signatures: ProductSignatures
    let volumes: [Volume]

    private(set) var installations: [Installation] = []
    private(set) var companies: [Company] = []
    var backups: [Backup] = []
    var exports: [Export] = []
    var gaps: [Coverage.Gap] = []
    /// How many files were opened.
    var probed = 0
    /// Probe results by (root, path).
    var probes: [Key: FileProbe] = [:]

    struct Key: Hashable {
        var root: Int
        var path: [UInt8]
    }

    init(signatures: ProductSignatures, volumes: [Volume]) {
        self.signatures = signatures
        self.volumes = volumes
    }

    var product: String { signatures.product }

    mutating func run() throws(ScanError) {
        for volume in volumes { findInstallations(volume) }
        let companyFolders = volumes.map(companyCandidates)
        let backupFiles = volumes.map(backupCandidates)
        let exportFiles = volumes.map(exportCandidates)

        var jobs: [(Key, Identifier.Job)] = []
        for volume in volumes {
            var paths = Set<[UInt8]>()
            for folder in companyFolders[volume.index] {
                for entry in volume.entries where entry.kind == .file && VolumePath(bytes: entry.path).isInside(VolumePath(bytes: folder)) {
                    paths.insert(entry.path)
                }
            }
            paths.formUnion(backupFiles[volume.index])
            paths.formUnion(exportFiles[volume.index])
            for path in paths.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                jobs.append((Key(root: volume.index, path: path), .init(opener: volume.opener, path: path)))
            }
        }
        let results = try Identifier().probe(jobs.map(\.1))
        probed = results.count
        for ((key, _), probe) in zip(jobs, results) {
            if let problem = probe.problem {
                gaps.append(.init(location: Location(root: key.root, path: VolumePath(bytes: key.path)), reason: problem))
            } else {
                probes[key] = probe
            }
        }
        for volume in volumes { findCompanies(volume, folders: companyFolders[volume.index]) }
        for volume in volumes {
            findBackups(volume, files: backupFiles[volume.index])
            findExports(volume, files: exportFiles[volume.index])
        }
    }

    // MARK: - Installations

    /// Signature globs are case-insensitive everywhere: the products are Windows programs
    /// whose files keep NTFS/FAT's case-blind names even when copied to other systems.
    private func globs(_ patterns: [String], _ volume: Volume) -> [Glob] {
        patterns.map { Glob($0) }
    }

    private mutating func findInstallations(_ volume: Volume) {
        let folderGlobs = globs(signatures.installFolders, volume)
        let executableGlobs = globs(signatures.executables, volume)
        let shortcutGlobs = globs(signatures.shortcuts, volume)
        var found: [Installation] = []
        for entry in volume.entries where entry.kind == .directory {
            guard let glob = folderGlobs.first(where: { $0.matches(entry.path) }) else { continue }
            let path = VolumePath(bytes: entry.path)
            if found.contains(where: { path.isInside($0.location.path) }) { continue }
            found.append(Installation(product: product, location: Location(root: volume.index, path: path), evidence: [
                Evidence(signature: "installation.folders", detail: "program folder matches '\(glob)'",
                         path: path, confidence: .medium),
            ]))
        }
        var shortcuts: [Evidence] = []
        for entry in volume.entries where entry.kind == .file {
            let path = VolumePath(bytes: entry.path)
            if let glob = executableGlobs.first(where: { $0.matches(entry.path) }) {
                let evidence = Evidence(signature: "installation.executables",
                                        detail: "executable '\(path.lastComponent)' matches '\(glob)'",
                                        path: path, confidence: .medium)
                if let owner = found.firstIndex(where: { path.isInside($0.location.path) }) {
                    found[owner].evidence.append(evidence)
                } else {
                    found.append(Installation(product: product, location: Location(root: volume.index, path: path.parent),
                                              evidence: [evidence]))
                }
            } else if let glob = shortcutGlobs.first(where: { $0.matches(entry.path) }) {
                shortcuts.append(Evidence(signature: "installation.shortcuts",
                                          detail: "shortcut '\(path.lastComponent)' matches '\(glob)'",
                                          path: path, confidence: .low))
            }
        }
        for index in found.indices { found[index].evidence += shortcuts }
        installations += found
    }

    // MARK: - Companies

    /// Folders that may each be a company: those the company globs name, and those whose own
    /// name carries a marker (custom "Install in Folder" locations) outside program folders.
    private func companyCandidates(_ volume: Volume) -> [[UInt8]] {
        let folderGlobs = globs(signatures.companyFolders, volume)
        let markers = signatures.companyFolderMarkers.map { $0.lowercased() }
        let programs = installations.filter { $0.location.root == volume.index }.map(\.location.path)
        return volume.entries.compactMap { entry in
            guard entry.kind == .directory else { return nil }
            let path = VolumePath(bytes: entry.path)
            if programs.contains(where: { path.isInside($0) }) { return nil }
            if folderGlobs.contains(where: { $0.matches(entry.path) }) { return entry.path }
            let name = path.lastComponent.lowercased()
            return markers.contains(where: { name.contains($0) }) ? entry.path : nil
        }
    }

    private mutating func findCompanies(_ volume: Volume, folders: [[UInt8]]) {
        let folderGlobs = globs(signatures.companyFolders, volume)
        let programFiles = globs(signatures.executables + signatures.shortcuts, volume)
        let sorted = folders.map { VolumePath(bytes: $0) }.sorted()
        for folder in sorted {
            let byGlob = folderGlobs.first { $0.matches(folder.bytes) }
            // A file belongs to the innermost candidate folder that holds it.
            let inner = sorted.filter { $0 != folder && $0.isInside(folder) }
            var files: [DataFile] = []
            for (key, probe) in probes where key.root == volume.index {
                let path = VolumePath(bytes: key.path)
                guard path.isInside(folder), !inner.contains(where: { path.isInside($0) }) else { continue }
                if byGlob == nil && path.parent != folder { continue }  // marker folders: own files only
                guard ContentKind(mime: probe.mime, description: probe.description) == .data,
                      !programFiles.contains(where: { $0.matches(key.path) }) else { continue }
                files.append(DataFile(location: Location(root: volume.index, path: path), size: probe.size,
                                      modified: probe.modified, kind: probe.description, mime: probe.mime))
            }
            guard !files.isEmpty else { continue }
            files.sort { $0.location < $1.location }
            let evidence: Evidence
            if let byGlob {
                evidence = Evidence(signature: "company.folders", detail: "company folder matches '\(byGlob)'",
                                    path: folder, confidence: .high)
            } else {
                evidence = Evidence(signature: "company.markers",
                                    detail: "folder name carries the product's name and holds \(files.count) data file(s)",
                                    path: folder, confidence: .medium)
            }
            companies.append(Company(product: product, name: companyName(folder, byGlob: byGlob != nil),
                                     folder: Location(root: volume.index, path: folder),
                                     dataFiles: files, evidence: [evidence]))
        }
    }

    /// The folder's name, with the product marker and its separators removed for marker folders
    /// ("Invoice2go - Atelier Martin" → "Atelier Martin"); the parent's name when nothing is left.
    func companyName(_ folder: VolumePath, byGlob: Bool) -> String {
        let name = folder.lastComponent
        guard !byGlob else { return name }
        var stripped = name
        for marker in signatures.companyFolderMarkers {
            stripped = stripped.replacingOccurrences(of: marker, with: " ", options: .caseInsensitive)
        }
        let separators = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "-_–—.,:;()[]"))
        stripped = stripped.components(separatedBy: separators).filter { !$0.isEmpty }.joined(separator: " ")
        if stripped.isEmpty { return folder.parent.lastComponent.isEmpty ? name : folder.parent.lastComponent }
        return stripped
    }
}

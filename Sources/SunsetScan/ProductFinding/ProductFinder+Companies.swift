import Foundation
import SunsetCore

/// Companies: candidate folders that hold data files, identified by content whatever their
/// names, with a confidence that says how far the folder is from the places the program uses.
extension ProductFinder {
    /// Finds the companies among `places`; returns the archives found inside their folders
    /// (by content, whatever their names), which the backup search then looks at too.
    mutating func findCompanies(_ volume: Volume, places: [CompanyPlace], exports: [Key: ExportKind]) -> Set<[UInt8]> {
        var archives = Set<[UInt8]>()
        let sorted = places.sorted { $0.path.lexicographicallyPrecedes($1.path) }
        let paths = sorted.map { VolumePath(bytes: $0.path) }
        var owned: [Int: [(Key, FileProbe)]] = [:]
        // Each probed file belongs to the innermost candidate that holds it.
        for (key, probe) in probes where key.root == volume.index && exports[key] == nil {
            let path = VolumePath(bytes: key.path)
            guard let index = paths.indices.last(where: { path.isInside(paths[$0]) && path != paths[$0] }) else { continue }
            if !sorted[index].reason.takesSubtree && path.parent != paths[index] { continue }
            let database = probe.database(fileName: path.lastComponent)
            switch ContentKind(mime: probe.mime, description: probe.description, database: database) {
            case .data where !executableGlobs.contains(key.path) && !shortcutGlobs.contains(key.path):
                owned[index, default: []].append((key, probe))
            case .archive:
                archives.insert(key.path)
            default:
                continue
            }
        }
        // A marker folder that holds data files itself is the company, subfolders included;
        // only one that holds none leaves its subfolders to be companies of their own.
        for (index, place) in sorted.enumerated() {
            guard case let .inMarkerFolder(container) = place.reason, let files = owned[index],
                  let parent = sorted.firstIndex(where: { $0.path == container }), owned[parent] != nil else { continue }
            owned[parent]! += files
            owned[index] = nil
        }
        for (index, place) in sorted.enumerated() {
            guard let held = owned[index], !held.isEmpty else { continue }
            let folder = paths[index]
            let files = held.map { key, probe in
                let path = VolumePath(bytes: key.path)
                return DataFile(location: Location(root: volume.index, path: path), size: probe.size,
                                modified: probe.modified, kind: probe.description, mime: probe.mime,
                                database: probe.database(fileName: path.lastComponent))
            }.sorted { $0.location < $1.location }
            let location = Location(root: volume.index, path: folder)
            companies.append(Company(product: product, name: companyName(folder, place: place.reason, volume: volume),
                                     folder: location, dataFiles: files,
                                     evidence: [placeEvidence(place.reason, at: location, files: files.count, volume: volume)]))
        }
        return archives
    }

    /// Why the folder is a company, and how sure that is: high at the places the program itself
    /// uses, medium anywhere else, with the reason spelled out.
    private func placeEvidence(_ reason: CompanyPlace.Reason, at location: Location, files: Int, volume: Volume) -> Evidence {
        let elsewhere = volume.root.isWindowsVolume ? "" : " on a root that is no Windows volume (a copy or an external disk)"
        switch reason {
        case let .reference(glob):
            return Evidence(signature: "company.folders", detail: "company folder matches '\(glob)', a place the program itself uses",
                            at: location, confidence: .high)
        case .relocated:
            let (glob, documents) = relocatedCompany(location.path, volume: volume)!
            return Evidence(signature: "company.folders",
                            detail: "company folder matches '\(glob)' in the Documents folder that "
                                + "\(documents.hive.path) records as '\(documents.recorded)'",
                            at: location, confidence: .high)
        case let .inDataFolder(container, glob):
            let where_ = container.isEmpty ? "the scanned folder itself" : "'\(VolumePath(bytes: container))'"
            return Evidence(signature: "company.data-folders",
                            detail: "holds \(files) data file(s) in a folder named like the program's data folder ('\(glob.pattern.dropFirst(3))') "
                                + "at \(where_), outside the places the program itself uses (moved or copied by hand)\(elsewhere)",
                            at: location, confidence: .medium)
        case let .dataFolder(glob):
            return Evidence(signature: "company.data-folders",
                            detail: "the program's data folder ('\(glob.pattern.dropFirst(3))') holds \(files) data file(s) of its own"
                                + elsewhere,
                            at: location, confidence: .medium)
        case let .inMarkerFolder(container):
            return Evidence(signature: "company.markers",
                            detail: "holds \(files) data file(s) in '\(VolumePath(bytes: container))', a folder whose name carries "
                                + "the product's name and holds no data itself\(elsewhere)",
                            at: location, confidence: .medium)
        case .marker:
            return Evidence(signature: "company.markers",
                            detail: "folder name carries the product's name and holds \(files) data file(s)\(elsewhere)",
                            at: location, confidence: .medium)
        }
    }

    /// The company's name: a subfolder's own name in reference places and data folders; for a
    /// marker folder, its name with the marker and separators removed ("Invoice2go - Atelier
    /// Martin" → "Atelier Martin"); for a data folder holding files itself, its parent's name
    /// (the root's own name when it is the root).
    func companyName(_ folder: VolumePath, place: CompanyPlace.Reason, volume: Volume) -> String {
        switch place {
        case .reference, .relocated, .inDataFolder, .inMarkerFolder:
            return folder.lastComponent
        case .dataFolder:
            return parentName(folder, volume: volume)
        case .marker:
            let stripped = stripMarkers(folder.lastComponent)
            return stripped.isEmpty ? parentName(folder, volume: volume) : stripped
        }
    }

    private func parentName(_ folder: VolumePath, volume: Volume) -> String {
        if folder.bytes.isEmpty { return volume.rootName }
        let parent = folder.parent
        return parent.bytes.isEmpty ? volume.rootName : parent.lastComponent
    }

    /// A name with the product's markers and the separators around them removed.
    func stripMarkers(_ name: String) -> String {
        var stripped = name
        for marker in signatures.companyFolderMarkers {
            stripped = stripped.replacingOccurrences(of: marker, with: " ", options: .caseInsensitive)
        }
        let separators = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "-_–—.,:;()[]"))
        return stripped.components(separatedBy: separators).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Backups that lie in a company's folder are backups, not data files.
    mutating func dropBackupsFromData() {
        let backupFiles = Set(backups.map(\.file.location))
        guard !backupFiles.isEmpty else { return }
        for index in companies.indices {
            companies[index].dataFiles.removeAll { backupFiles.contains($0.location) }
        }
        companies.removeAll { $0.dataFiles.isEmpty && !$0.isBackupOnly }
    }
}

import SunsetCore

/// Candidate selection: one pass over a volume's names decides which files are opened at all.
extension ProductFinder {
    /// What a volume's names point at, before any file is opened.
    struct Candidates {
        /// Folders that may each be a company.
        var companyFolders: [[UInt8]] = []
        /// Files named like the program's executables or shortcuts.
        var programFiles: [[UInt8]] = []
        /// Files named like backups or exports.
        var backups = Set<[UInt8]>()
        var exports = Set<[UInt8]>()
        /// Every file to open: the above and all files inside company folders.
        var toProbe = Set<[UInt8]>()
    }

    /// The file types exports come in.
    static let exportGlobs = GlobSet(["**/*.csv", "**/*.xls", "**/*.xlsx"])

    /// Folders first (company candidates), then one pass over the files.
    func classify(_ volume: Volume, programFolders: [[UInt8]]) -> Candidates {
        var found = Candidates()
        found.companyFolders = companyFolders(volume, programFolders: programFolders)
        let folderPrefixes = found.companyFolders.map { $0 + [UInt8(ascii: "/")] }
        let sets = [executableGlobs, shortcutGlobs, backupGlobs, Self.exportGlobs]
        let keys = sets.reduce(into: Set<UInt64>()) { $0.formUnion($1.extensionKeys) }
        let tryAll = sets.contains(where: \.hasOthers)
        let programPrefixes = programFolders.map { $0 + [UInt8(ascii: "/")] }
        let exe = GlobSet.pack(Array("exe".utf8))
        for entry in volume.entries where entry.kind == .file {
            let path = entry.path
            let key = GlobSet.extensionKey(path)
            if !tryAll && !(key.map(keys.contains) ?? false) {
                if !folderPrefixes.isEmpty && folderPrefixes.contains(where: { path.starts(with: $0) }) {
                    found.toProbe.insert(path)
                }
                continue
            }
            if executableGlobs.contains(path, key: key) || shortcutGlobs.contains(path, key: key)
                || (key == exe && programPrefixes.contains { path.starts(with: $0) }) {
                found.programFiles.append(path)
            }
            if backupGlobs.contains(path, key: key) {
                found.backups.insert(path)
                found.toProbe.insert(path)
            }
            if Self.exportGlobs.contains(path, key: key) {
                found.exports.insert(path)
                found.toProbe.insert(path)
            }
            if !folderPrefixes.isEmpty && folderPrefixes.contains(where: { path.starts(with: $0) }) {
                found.toProbe.insert(path)
            }
        }
        return found
    }

    /// Folders that may each be a company: those the company globs name, and those whose own
    /// name carries a marker (custom "Install in Folder" locations) outside program folders.
    private func companyFolders(_ volume: Volume, programFolders: [[UInt8]]) -> [[UInt8]] {
        let markers = signatures.companyFolderMarkers.map { $0.lowercased() }
        let programs = programFolders.map { VolumePath(bytes: $0) }
        return volume.directories.compactMap { entry in
            guard entry.kind == .directory else { return nil }
            let path = VolumePath(bytes: entry.path)
            if programs.contains(where: { path.isInside($0) }) { return nil }
            if companyFolderGlobs.contains(entry.path) || relocatedCompany(path, volume: volume) != nil { return entry.path }
            let name = path.lastComponent.lowercased()
            return markers.contains(where: { name.contains($0) }) ? entry.path : nil
        }
    }
}

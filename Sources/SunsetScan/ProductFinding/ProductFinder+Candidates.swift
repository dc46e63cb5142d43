import SunsetCore

/// Candidate selection: one pass over a volume's names decides which files are opened at all.
extension ProductFinder {
    /// What a volume's names point at, before any file is opened.
    struct Candidates {
        /// Folders that may each be a company, with why.
        var companyFolders: [CompanyPlace] = []
        /// Files named like the program's executables or shortcuts.
        var programFiles: [[UInt8]] = []
        /// Files named like backups or exports.
        var backups = Set<[UInt8]>()
        var exports = Set<[UInt8]>()
        /// Every file to open: the above and all files inside company folders.
        var toProbe = Set<[UInt8]>()
    }

    /// A folder that may be a company, and the signature that points at it.
    struct CompanyPlace {
        enum Reason {
            /// A place the program itself uses (`company.folders`).
            case reference(Glob)
            /// A reference place inside a Documents folder the registry records elsewhere.
            case relocated
            /// A subfolder of a folder carrying the product's data-folder name
            /// (`company.data-folders`), anywhere: its whole subtree is the company's.
            case inDataFolder(container: [UInt8], glob: Glob)
            /// The data folder itself, for the files it holds directly.
            case dataFolder(Glob)
            /// A folder whose own name carries a marker (`company.markers`): its own files, and
            /// those of its subfolders when it holds data files itself.
            case marker
            /// A subfolder of a marker folder that holds no data files itself ("Copie
            /// Invoice2go 2018/Atelier/…"): then each such subfolder is a company.
            case inMarkerFolder(container: [UInt8])

            /// True when every file below the folder belongs to it (not only its own files).
            var takesSubtree: Bool {
                switch self {
                case .reference, .relocated, .inDataFolder, .inMarkerFolder: return true
                case .dataFolder, .marker: return false
                }
            }
        }

        var path: [UInt8]
        var reason: Reason
    }

    /// The file types exports come in.
    static let exportGlobs = GlobSet(["**/*.csv", "**/*.xls", "**/*.xlsx"])

    /// The globs that pick files by name, which the walk's `KeepRule` must let through.
    static func fileGlobs(_ signatures: ProductSignatures) -> [GlobSet] {
        [GlobSet(signatures.executables), GlobSet(signatures.shortcuts), GlobSet(signatures.backupNames), exportGlobs]
    }

    /// Folders first (company candidates), then one pass over the files the walk kept, then
    /// every file of the company candidates, listed again (the walk kept only names that
    /// point at something, and which folders may be companies is known only now).
    func classify(_ volume: Volume, programFolders: [[UInt8]]) -> Candidates {
        var found = Candidates()
        let places = companyFolders(volume, programFolders: programFolders)
        let sets = [executableGlobs, shortcutGlobs, backupGlobs, Self.exportGlobs]
        let keys = sets.reduce(into: Set<UInt64>()) { $0.formUnion($1.extensionKeys) }
        let tryAll = sets.contains(where: \.hasOthers)
        let programPrefixes = programFolders.map { $0 + [UInt8(ascii: "/")] }
        let exe = GlobSet.pack(Array("exe".utf8))
        /// Folders that hold the program's executable: a copied program folder is never a company.
        var programHomes = Set<[UInt8]>()
        for entry in volume.entries where entry.kind == .file {
            let path = entry.path
            let key = GlobSet.extensionKey(path)
            if !tryAll && !(key.map(keys.contains) ?? false) { continue }
            let isExecutable = executableGlobs.contains(path, key: key)
            if isExecutable { programHomes.insert(VolumePath(bytes: path).parent.bytes) }
            if isExecutable || shortcutGlobs.contains(path, key: key)
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
        }
        let homes = programHomes.map { VolumePath(bytes: $0) }
        found.companyFolders = places.filter { place in
            let path = VolumePath(bytes: place.path)
            return !homes.contains { path.isInside($0) }
        }
        // Every file at or below a candidate is opened; `findCompanies` then gives each to
        // the innermost candidate that takes it.
        for folder in volume.folders(below: places.map(\.path)) {
            for entry in volume.files(in: folder) where entry.kind == .file { found.toProbe.insert(entry.path) }
        }
        return found
    }

    /// True when `name` holds `lower` (lower-case ASCII) in any ASCII case.
    static func containsFolded(_ name: [UInt8], _ lower: [UInt8]) -> Bool {
        guard !lower.isEmpty else { return true }
        guard name.count >= lower.count else { return false }
        outer: for start in 0...(name.count - lower.count) {
            for offset in 0..<lower.count {
                let byte = name[start + offset]
                if (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) != lower[offset] { continue outer }
            }
            return true
        }
        return false
    }

    /// Folders that may each be a company: those the company globs name, the subfolders of
    /// folders carrying the data-folder name (and those folders themselves), and those whose
    /// own name carries a marker (custom "Install in Folder" locations), outside program folders.
    private func companyFolders(_ volume: Volume, programFolders: [[UInt8]]) -> [CompanyPlace] {
        let markers = signatures.companyFolderMarkers.map { $0.lowercased() }
        let asciiMarkers = markers.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? markers.map { Array($0.utf8) } : nil
        /// The folder's own name holds a marker, in any case (bytes compared when the markers are ASCII).
        func marked(_ path: VolumePath) -> Bool {
            guard let asciiMarkers else { return markers.contains { path.lastComponent.lowercased().contains($0) } }
            let name = Array(path.lastComponentBytes)
            return asciiMarkers.contains { Self.containsFolded(name, $0) }
        }
        let programs = programFolders.map { VolumePath(bytes: $0) }
        var containers: [[UInt8]: Glob] = [:]
        if let glob = dataFolderGlobs.firstMatch(Array(volume.rootName.utf8)) { containers[[]] = glob }
        for entry in volume.directories where entry.kind == .directory {
            if let glob = dataFolderGlobs.firstMatch(entry.path) { containers[entry.path] = glob }
        }
        // First every folder's own reason, then the subfolders of marker folders (the walk
        // need not list a folder before its subfolders).
        var places: [CompanyPlace] = []
        if let glob = containers[[]] { places.append(CompanyPlace(path: [], reason: .dataFolder(glob))) }
        var markerFolders = Set<[UInt8]>()
        var others: [WalkEntry] = []
        for entry in volume.directories where entry.kind == .directory {
            let path = VolumePath(bytes: entry.path)
            if programs.contains(where: { path.isInside($0) }) { continue }
            if let glob = companyFolderGlobs.firstMatch(entry.path) {
                places.append(CompanyPlace(path: entry.path, reason: .reference(glob)))
            } else if relocatedCompany(path, volume: volume) != nil {
                places.append(CompanyPlace(path: entry.path, reason: .relocated))
            } else if !containers.isEmpty, let glob = containers[entry.path] {
                places.append(CompanyPlace(path: entry.path, reason: .dataFolder(glob)))
            } else if !containers.isEmpty, let glob = containers[path.parent.bytes] {
                places.append(CompanyPlace(path: entry.path, reason: .inDataFolder(container: path.parent.bytes, glob: glob)))
            } else if marked(path) {
                places.append(CompanyPlace(path: entry.path, reason: .marker))
                markerFolders.insert(entry.path)
            } else {
                others.append(entry)
            }
        }
        for entry in others where markerFolders.contains(VolumePath(bytes: entry.path).parent.bytes) {
            places.append(CompanyPlace(path: entry.path, reason: .inMarkerFolder(container: VolumePath(bytes: entry.path).parent.bytes)))
        }
        return places
    }
}

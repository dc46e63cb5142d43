import Foundation
import SunsetCore

/// What to scan and what to look for.
public struct ScanOptions: Sendable {
    /// Folders to scan, as given by the user.
    public var roots: [String]
    /// Globs of paths (relative to a root) to leave out.
    public var excludes: [String]
    /// One entry per product pack.
    public var signatures: [ProductSignatures]
    /// Told the running count of files walked, now and then, from any thread.
    public var progress: (@Sendable (Int) -> Void)?

    public init(roots: [String], excludes: [String] = [], signatures: [ProductSignatures],
                progress: (@Sendable (Int) -> Void)? = nil) {
        self.roots = roots
        self.excludes = excludes
        self.signatures = signatures
        self.progress = progress
    }
}

/// Finds installations, companies, backups and exports under the roots, read-only.
/// Walks first (names only), then opens only the candidate files the signatures point at.
public struct Scanner: Sendable {
    public var options: ScanOptions

    public init(options: ScanOptions) {
        self.options = options
    }

    public func scan() throws(ScanError) -> Inventory {
        var inventory = Inventory()
        var volumes: [Volume] = []
        for (index, path) in options.roots.enumerated() {
            let volume = try Volume.open(path: path, index: index, excludes: options.excludes.map { Glob($0) },
                                         progress: options.progress)
            inventory.roots.append(volume.root)
            inventory.coverage.merge(volume.coverage)
            inventory.cloudFolders += volume.cloudFolders
            volumes.append(volume)
        }
        defer { volumes.forEach { $0.opener.close() } }

        for signatures in options.signatures {
            var finder = ProductFinder(signatures: signatures, volumes: volumes)
            try finder.run()
            inventory.installations += finder.installations
            inventory.companies += finder.companies
            inventory.backups += finder.backups
            inventory.exports += finder.exports
            inventory.coverage.candidates += finder.probed
            inventory.coverage.gaps += finder.gaps
        }
        inventory.installations.sort { $0.location < $1.location }
        inventory.companies.sort { ($0.folder, $0.name) < ($1.folder, $1.name) }
        inventory.backups.sort { $0.file.location < $1.file.location }
        inventory.exports.sort { $0.file.location < $1.file.location }
        inventory.cloudFolders.sort { $0.location < $1.location }
        inventory.coverage.gaps.sort()
        return inventory
    }
}

/// One scan root after its walk: the entries, what kind of volume it is, and its host.
struct Volume {
    var root: ScanRoot
    var opener: PathOpener
    var entries: [WalkEntry]
    var coverage: Coverage
    var cloudFolders: [CloudFolder]

    var index: Int { root.index }

    static func open(path: String, index: Int, excludes: [Glob],
                     progress: (@Sendable (Int) -> Void)?) throws(ScanError) -> Volume {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ScanError.unreadableRoot(path, reason: "no such file or folder")
        }
        guard isFolder.boolValue else { throw ScanError.notAFolder(path) }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let walk = try Walker(excludes: excludes, progress: progress).walk(root: absolute, rootIndex: index)
        let isWindows = isWindowsVolume(walk.entries)
        let opener = try PathOpener(root: absolute)
        var notes: [(VolumePath, String)] = []
        let host = HostDetector.host(isWindowsVolume: isWindows, entries: walk.entries, opener: opener, notes: &notes)
        var coverage = walk.coverage
        coverage.gaps += notes.map { Coverage.Gap(location: Location(root: index, path: $0.0), reason: $0.1) }
        return Volume(
            root: ScanRoot(index: index, path: absolute, isWindowsVolume: isWindows, host: host),
            opener: opener,
            entries: walk.entries,
            coverage: coverage,
            cloudFolders: CloudFolders.find(in: walk.entries, root: index)
        )
    }

    /// `Windows/System32`, `Users` or `Program Files*` at the top, in any case.
    static func isWindowsVolume(_ entries: [WalkEntry]) -> Bool {
        entries.contains { entry in
            guard entry.kind == .directory, entry.path.count <= 40 else { return false }
            let path = HostDetector.lower(entry.path)
            return path == "windows/system32" || path == "users" || (path.hasPrefix("program files") && !path.contains("/"))
        }
    }
}

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
        var offlineCopies: [OfflineCopy] = []
        for (index, path) in options.roots.enumerated() {
            var volume = try Volume.open(path: path, index: index, excludes: options.excludes.map { Glob($0) },
                                         progress: options.progress)
            let bags = OfflineCopyFinder.find(in: volume)
            volume.leaveOut(bags.folders)
            offlineCopies += bags.copies
            inventory.coverage.merge(volume.coverage)
            volumes.append(volume)
        }
        // A user folder recorded on another drive may be on another root: link them first.
        CrossRootFolders.link(&volumes)
        inventory.roots = volumes.map(\.root)
        inventory.cloudFolders = volumes.flatMap(\.cloudFolders)
        defer { volumes.forEach { $0.opener.close() } }
        let labels = ScanRoot.labels(for: inventory.roots.map(\.path))
        for index in inventory.roots.indices { inventory.roots[index].label = labels[index] }

        for signatures in options.signatures {
            var finder = ProductFinder(signatures: signatures, volumes: volumes)
            try finder.run()
            // Every piece of evidence names the root its path lies on.
            inventory.installations += finder.installations.map { var item = $0; item.evidence = item.evidence.placed(on: item.location.root); return item }
            inventory.companies += finder.companies.map { var item = $0; item.evidence = item.evidence.placed(on: item.folder.root); return item }
            inventory.backups += finder.backups.map { var item = $0; item.evidence = item.evidence.placed(on: item.file.location.root); return item }
            inventory.exports += finder.exports.map { var item = $0; item.evidence = item.evidence.placed(on: item.file.location.root); return item }
            inventory.coverage.candidates += finder.probed
            inventory.coverage.gaps += finder.gaps
        }
        if volumes.contains(where: { $0.registry.hivesFound > 0 }) {
            inventory.installedPrograms = volumes.flatMap(\.registry.programs).sorted()
        }
        let associations = volumes.flatMap(\.registry.associations)
        if !associations.isEmpty {
            inventory.fileAssociations = associations.sorted()
            let extensions = Set(associations.map(\.fileExtension))
            inventory.fileTypes = volumes.flatMap { $0.fileTypes.summary(of: extensions, root: $0.index) }
        }
        if volumes.contains(where: { $0.registry.userHivesFound > 0 }) {
            inventory.userFolders = volumes.flatMap(\.registry.userFolders).sorted()
        }
        inventory.installations.sort { $0.location < $1.location }
        inventory.companies.sort { ($0.folder, $0.name) < ($1.folder, $1.name) }
        inventory.backups.sort { $0.file.location < $1.file.location }
        inventory.exports.sort { $0.file.location < $1.file.location }
        inventory.cloudFolders.sort { $0.location < $1.location }
        if !offlineCopies.isEmpty {
            OfflineCopyFinder.place(&offlineCopies, companies: inventory.companies, cloudFolders: inventory.cloudFolders)
            inventory.offlineCopies = offlineCopies.sorted { $0.location < $1.location }
        }
        inventory.coverage.gaps.sort()
        return inventory
    }
}

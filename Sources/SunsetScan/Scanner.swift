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
    /// A state file to replay unchanged folders from, and to update (`check --state`).
    public var state: String?
    /// What whole-computer backups look like (`Rules/backups/whole-computer.yaml`); none by default.
    public var wholeComputer: WholeComputerSignatures = .none
    /// Run before an image is opened: nil when it may be, else why not (a gap). SunsetKit's
    /// walks the image in a child process, so that a crash inside libtsk is contained.
    public var imageCheck: (@Sendable (String) -> String?)?

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

    /// True when `path` is a disk image file that a scan opens as one root per file system
    /// (by extension, or by content libtsk recognises), not a folder.
    public static func isDiskImage(_ path: String) -> Bool { ImageRoots.isImage(path) }

    public func scan() throws(ScanError) -> Inventory {
        var report = StateReport()
        return try scan(report: &report)
    }

    /// How a scan used its state file.
    public struct StateReport: Sendable {
        /// What the user should know about the state file (why it was not used, not written).
        public var notes: [String] = []
        /// Folders listed, and folders replayed from the state file instead.
        public var listed = 0
        public var replayed = 0
        /// True when nothing had changed and the state file's inventory was reused as it is.
        public var reused = false

        public init() {}
    }

    /// Scans, telling in `report` how the state file (if any) was used.
    public func scan(report: inout StateReport) throws(ScanError) -> Inventory {
        var keep = KeepRule(signatures: options.signatures)
        keep.keepWholeComputerFiles(options.wholeComputer)
        guard let state = options.state else { return try scan(keep: keep, previous: nil).inventory }
        if options.roots.contains(where: ImageRoots.isImage) {
            report.notes.append("the state file '\(state)' is not used when a disk image is scanned: everything is read again")
            return try scan(keep: keep, previous: nil).inventory
        }
        let roots = options.roots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let identity = ScanState.Identity(
            roots: roots, walkRule: keep.fingerprint + ";excludes=" + options.excludes.joined(separator: "\u{1}"),
            signatures: (try? encoder.encode(options.signatures)).map { String(decoding: $0, as: UTF8.self) } ?? "")
        // First the stamps alone: when nothing changed, nothing more is read.
        var loaded = ScanState.load(path: state, identity: identity, listings: false)
        if let inventory = StateCheck.unchanged(loaded, roots: roots) {
            report.replayed = loaded.records.reduce(0) { $0 + ($1?.count ?? 0) }
            report.reused = true
            return inventory
        }
        if loaded.note == nil { loaded = ScanState.load(path: state, identity: identity) }
        if let note = loaded.note { report.notes.append(note) }
        var walkStart = timespec()
        clock_gettime(CLOCK_REALTIME, &walkStart)
        let scanned = try scan(keep: keep, previous: loaded)
        report.replayed = scanned.volumes.reduce(0) { $0 + $1.replayed }
        report.listed = scanned.volumes.reduce(0) { $0 + $1.folders.count } - report.replayed
        guard loaded.writable else { return scanned.inventory }
        do {
            let snapshot = ScanState.Snapshot(
                records: scanned.volumes.map(\.folders), opened: scanned.volumes.map { $0.opener.log?.files ?? [] },
                inventory: try JSONEncoder().encode(scanned.inventory),
                settledBefore: Int64(walkStart.tv_sec) * 1_000_000_000 + Int64(walkStart.tv_nsec) - FolderRecord.settleNanoseconds)
            try ScanState.save(path: state, identity: identity, snapshot: snapshot)
        } catch let error as ScanError {
            report.notes.append(error.errorDescription ?? "\(error)")
        } catch {
            report.notes.append("cannot write the state file '\(state)': \(error)")
        }
        return scanned.inventory
    }

    /// The scan itself; with `previous` (a state file was given), the walk replays what did
    /// not change and every volume records its folders and the files it opens.
    private func scan(keep: KeepRule, previous: ScanState.Loaded?) throws(ScanError) -> (inventory: Inventory, volumes: [Volume]) {
        var inventory = Inventory()
        var volumes: [Volume] = []
        var offlineCopies: [OfflineCopy] = []
        var wholeComputer: [WholeComputerBackup] = []
        var fileHistory: [FileHistoryCopy] = []
        let excludes = options.excludes.map { Glob($0) }
        // Backup and export names are probed while the walk goes on.
        let early = EarlyProbes()
        let earlyNames = GlobSet(options.signatures.flatMap { [GlobSet($0.backupNames).globs, ProductFinder.exportGlobs.globs] }.flatMap { $0 })
        defer { _ = early.finish() }
        for (given, path) in options.roots.enumerated() {
            // A disk image gives one root per file system inside it (issue 22).
            if ImageRoots.isImage(path) {
                if let reason = options.imageCheck?(path) {
                    let name = (path as NSString).lastPathComponent
                    let volume = ImageRoots.placeholder(URL(fileURLWithPath: path).standardizedFileURL.path,
                                                        index: volumes.count, label: name, reasons: ["disk image: \(reason)"])
                    inventory.coverage.merge(volume.coverage)
                    volumes.append(volume)
                    continue
                }
                for var volume in ImageRoots.volumes(image: path, firstIndex: volumes.count, keep: keep, excludes: excludes,
                                                     progress: options.progress, early: (early, earlyNames)) {
                    let bags = OfflineCopyFinder.find(in: volume)
                    volume.leaveOut(bags.folders)
                    offlineCopies += bags.copies
                    inventory.coverage.merge(volume.coverage)
                    volumes.append(volume)
                }
                continue
            }
            let index = volumes.count
            var walker = Walker(excludes: excludes, keep: keep, progress: options.progress)
            walker.previous = previous?.records[given]
            walker.recordsFolders = previous != nil
            var volume = try Volume.open(path: path, index: index, walker: walker, log: previous == nil ? nil : OpenLog(),
                                         early: (early, earlyNames))
            let bags = OfflineCopyFinder.find(in: volume)
            volume.leaveOut(bags.folders)
            offlineCopies += bags.copies
            // Whole-computer backups and File History copies are backups, never live data.
            let whole = WholeComputerFinder.find(in: volume, signatures: options.wholeComputer)
            volume.leaveOut(whole.folders)
            wholeComputer += whole.backups
            fileHistory += whole.fileHistory
            inventory.coverage.merge(volume.coverage)
            volumes.append(volume)
        }
        let earlyProbes = early.finish()
        // A user folder recorded on another drive may be on another root: link them first.
        CrossRootFolders.link(&volumes)
        inventory.roots = volumes.map(\.root)
        inventory.cloudFolders = volumes.flatMap(\.cloudFolders)
        defer { volumes.forEach { $0.opener.close() } }
        let labels = ScanRoot.labels(for: inventory.roots.map(\.path))
        for index in inventory.roots.indices { inventory.roots[index].label = inventory.roots[index].imageVolume ?? labels[index] }

        for signatures in options.signatures {
            var finder = ProductFinder(signatures: signatures, volumes: volumes)
            finder.early = earlyProbes
            finder.fileHistory = fileHistory
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
            // Each count also lists the legacy databases among its files, by content.
            inventory.fileTypes = volumes.flatMap { volume in
                var counts = volume.fileTypes.summary(of: extensions, root: volume.index)
                DatabaseFinder.find(&counts, volume: volume)
                return counts
            }
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
            OfflineCopyFinder.recogniseLists(&offlineCopies, signatures: options.signatures)
            inventory.offlineCopies = offlineCopies.sorted { $0.location < $1.location }
        }
        if !wholeComputer.isEmpty {
            SystemImageOpener.open(&wholeComputer, volumes: volumes, signatures: options.signatures, inventory: &inventory)
            inventory.companies.sort { ($0.folder, $0.name) < ($1.folder, $1.name) }
            WholeComputerFinder.place(&wholeComputer, roots: inventory.roots, companies: inventory.companies,
                                      cloudFolders: inventory.cloudFolders)
            inventory.wholeComputerBackups = wholeComputer.map { var item = $0; item.evidence = item.evidence.placed(on: item.location.root); return item }
                .sorted { $0.location < $1.location }
        }
        inventory.coverage.gaps.sort()
        return (inventory, volumes)
    }
}

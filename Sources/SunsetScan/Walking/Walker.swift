import Foundation
import Glibc
import SunsetCore

/// Lists every entry below a root with `readdir` and `d_type`, as `find` does: no stat per
/// file, no recursion (folders wait in a shared queue, so any depth works), symbolic links
/// recorded but never followed, special files counted but never opened. Folders are listed
/// by one thread per core. What cannot be read becomes a coverage gap.
///
/// The walk streams: each name is judged in place, in the listing's own buffer, and only
/// folders and the files the `KeepRule` lets through become paths; all other files are
/// counted per folder and extension, then forgotten. Memory therefore follows the number of
/// folders and candidates, not the number of files.
///
/// With `previous` (the records of an earlier walk of the same root, from a state file), a
/// folder whose stamp has not changed is not listed again: its record is replayed.
public struct Walker: Sendable {
    public var excludes: [Glob]
    public var threads: Int
    public var keep: KeepRule
    /// Called now and then with the running count of files, from any thread.
    public var progress: (@Sendable (Int) -> Void)?
    /// An earlier walk's listings to replay where nothing changed.
    var previous: FolderRecords?
    /// Whether to return a record of every folder listed (for a state file).
    var recordsFolders = false
    /// Told each kept file's path as the walk finds it, from any thread.
    var onKept: (@Sendable ([UInt8]) -> Void)?

    /// Top-level names skipped when the root is `/` (virtual file systems).
    static let virtualTops: Set<[UInt8]> = [Array("proc".utf8), Array("sys".utf8), Array("dev".utf8), Array("run".utf8)]

    public init(excludes: [Glob] = [], keep: KeepRule, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (Int) -> Void)? = nil) {
        self.excludes = excludes
        self.keep = keep
        self.threads = max(1, threads)
        self.progress = progress
    }

    /// What one walk produced. Entries come in no particular order.
    public struct Result: Sendable {
        /// Every folder and symbolic link, and the files the keep rule kept.
        public var entries: [WalkEntry]
        public var coverage: Coverage
        /// Files per extension and folder.
        var fileTypes = ExtensionTally()
        /// One record per folder, when asked for.
        var folders: [FolderRecord] = []
        /// Folders replayed from `previous` instead of being listed.
        var replayed = 0
    }

    /// Walks `root` (whose index in the scan is `rootIndex`).
    public func walk(root: String, rootIndex: Int) throws(ScanError) -> Result {
        let opener = try PathOpener(root: root)
        defer { opener.close() }
        let queue = FolderQueue(first: [])
        let parts = Parts(count: threads)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let context = FolderLister(opener: opener, rootIndex: rootIndex, skipVirtual: root == "/", excludes: excludes,
                                   keep: keep, keepGlobs: keep.globs.map { Glob($0) }, onKept: onKept, previous: previous,
                                   records: recordsFolders || previous != nil,
                                   settledBefore: Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - FolderRecord.settleNanoseconds)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var part = Part()
            var local: [[UInt8]] = []
            var reported = 0
            // The folder just listed stays open while the thread goes on into one of its
            // subfolders, which is then opened relative to it: a deep chain costs one
            // openat per level instead of a walk from the root each time.
            var parent: OpaquePointer?
            while true {
                let folder: [UInt8]
                var via: Int32 = -1
                if let child = local.popLast() {
                    folder = child
                    via = parent.map { dirfd($0) } ?? -1
                } else {
                    guard let next = queue.take() else { break }
                    folder = next
                }
                let (found, stream) = context.list(folder, via: via, into: &part)
                if let parent { closedir(parent) }
                parent = stream
                local += found
                if local.count > 1 { queue.give(local.dropLast()); local = Array(local.suffix(1)) }
                if local.isEmpty {
                    if let stream = parent { closedir(stream); parent = nil }
                    queue.finished()
                }
                if let progress, part.coverage.directories % 64 == 0 {
                    progress(queue.addFiles(part.coverage.files - reported))
                    reported = part.coverage.files
                }
            }
            parts.store(worker, part)
        }
        var result = Result(entries: [], coverage: Coverage())
        result.entries.reserveCapacity(parts.slots.reduce(0) { $0 + $1.entries.count })
        for part in parts.slots {
            result.entries += part.entries
            result.coverage.merge(part.coverage)
            result.fileTypes.merge(part.tally)
            result.folders += part.records
            result.replayed += part.replayed
        }
        if !recordsFolders { result.folders = [] }
        result.coverage.directories -= 1  // the root itself is not counted
        return result
    }

    /// What one worker gathered.
    struct Part {
        var entries: [WalkEntry] = []
        var coverage = Coverage()
        var tally = ExtensionTally()
        var records: [FolderRecord] = []
        var replayed = 0
    }

    /// Per-worker results, each slot written by one worker only.
    private final class Parts: @unchecked Sendable {
        var slots: [Part]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: Part(), count: count) }

        func store(_ index: Int, _ part: Part) { lock.withLock { slots[index] = part } }
    }
}

/// Lists one folder: the walk's inner loop.
struct FolderLister: Sendable {
    let opener: PathOpener
    let rootIndex: Int
    let skipVirtual: Bool
    let excludes: [Glob]
    let keep: KeepRule
    let keepGlobs: [Glob]
    let onKept: (@Sendable ([UInt8]) -> Void)?
    let previous: FolderRecords?
    /// Whether to make a record of each folder listed.
    let records: Bool
    /// A folder whose change time is at or after this (nanoseconds) is not reusable.
    let settledBefore: Int64

    /// Adds the folder's entries to `part` and returns its subfolders, and the folder's
    /// open stream (the caller closes it) when it has subfolders, to open them from.
    /// `via`, when not -1, is the parent folder's descriptor to open it from.
    func list(_ folder: [UInt8], via parent: Int32, into part: inout Walker.Part) -> ([[UInt8]], OpaquePointer?) {
        part.coverage.directories += 1
        if let previous, let record = previous[folder], record.reusable, record.listed,
           let stamp = stamp(of: folder, via: parent), stamp == record.stamp {
            return (replay(record, into: &part), nil)
        }
        let fd = parent >= 0
            ? opener.openChild(of: parent, name: Array(VolumePath(bytes: folder).lastComponentBytes), flags: O_DIRECTORY)
            : opener.open(folder, flags: O_DIRECTORY)
        guard fd >= 0, let stream = fdopendir(fd) else {
            if fd >= 0 { _ = close(fd) }
            let reason = fd < 0 ? String(cString: strerror(-fd)) : "cannot list folder"
            part.coverage.gaps.append(.init(location: Location(root: rootIndex, path: VolumePath(bytes: folder)), reason: reason))
            // Remembered too, so that a later run sees when it may have become readable.
            if records, let stamp = stamp(of: folder, via: parent) {
                part.records.append(FolderRecord(path: folder, stamp: stamp, reusable: isSettled(stamp), listed: false))
            }
            return ([], nil)
        }
        var record: FolderRecord?
        if records {
            var info = stat()
            if fstat(fd, &info) == 0 {
                let stamp = FolderStamp(info)
                record = FolderRecord(path: folder, stamp: stamp, reusable: isSettled(stamp))
            }
        }
        var subfolders: [[UInt8]] = []
        var extensions: [UInt64: Int] = [:]
        let nameStart = folder.isEmpty ? 0 : folder.count + 1
        let depth = folder.isEmpty ? 0 : folder.reduce(1) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        func path(_ name: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            var path = folder
            path.reserveCapacity(nameStart + name.count)
            if !folder.isEmpty { path.append(UInt8(ascii: "/")) }
            path.append(contentsOf: name)
            return path
        }
        let (files, symlinks, specials) = (part.coverage.files, part.coverage.symlinks, part.coverage.specialFiles)
        var vanished = false
        while let item = readdir(stream) {
            let type = item.pointee.d_type
            withUnsafePointer(to: &item.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { start in
                    let name = UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)))
                    if name[0] == UInt8(ascii: ".") && (name.count == 1 || (name.count == 2 && name[1] == UInt8(ascii: "."))) {
                        return
                    }
                    if skipVirtual && folder.isEmpty && Walker.virtualTops.contains(Array(name)) { return }
                    if !excludes.isEmpty { let whole = path(name); if excludes.contains(where: { $0.matches(whole) }) { return } }
                    switch WalkEntry.Kind.of(type: type, name: name, in: fd) {
                    case .directory:
                        let whole = path(name)
                        part.entries.append(WalkEntry(path: whole, kind: .directory))
                        subfolders.append(whole)
                        record?.listing.append(.subfolder, name: name)
                    case .file:
                        part.coverage.files += 1
                        if let ext = ExtensionTally.fileExtension(name) { extensions[ext, default: 0] += 1 }
                        if keep.keeps(name, depth: depth, compiled: keepGlobs, path: { path(name) }) {
                            let whole = path(name)
                            onKept?(whole)
                            part.entries.append(WalkEntry(path: whole, kind: .file))
                            record?.listing.append(.file, name: name)
                        }
                    case .symlink:
                        part.coverage.symlinks += 1
                        part.entries.append(WalkEntry(path: path(name), kind: .symlink))
                        record?.listing.append(.symlink, name: name)
                    case .special:
                        part.coverage.specialFiles += 1
                    case nil:
                        vanished = true
                        part.coverage.gaps.append(.init(location: Location(root: rootIndex, path: VolumePath(bytes: path(name))),
                                                        reason: "vanished during the scan"))
                    }
                }
            }
        }
        if !extensions.isEmpty { part.tally.add(folder: folder, extensions) }
        if var record {
            record.files = part.coverage.files - files
            record.symlinks = part.coverage.symlinks - symlinks
            record.specials = part.coverage.specialFiles - specials
            for (key, files) in extensions.sorted(by: { $0.key < $1.key }) { record.listing.append(extension: key, files: files) }
            if vanished { record.reusable = false }
            part.records.append(record)
        }
        if subfolders.isEmpty {
            closedir(stream)
            return (subfolders, nil)
        }
        return (subfolders, stream)
    }

    /// True when the folder last changed long enough before this walk for its stamp to vouch for it.
    func isSettled(_ stamp: FolderStamp) -> Bool { stamp.changed < settledBefore && stamp.modified < settledBefore }

    /// Adds what an unchanged folder held when it was last listed, without listing it.
    private func replay(_ record: FolderRecord, into part: inout Walker.Part) -> [[UInt8]] {
        let folder = record.path
        func path(_ name: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            var path = folder
            path.reserveCapacity(folder.count + 1 + name.count)
            if !folder.isEmpty { path.append(UInt8(ascii: "/")) }
            path.append(contentsOf: name)
            return path
        }
        var subfolders: [[UInt8]] = []
        // The listing was validated when the state file was read.
        try? record.listing.forEach { tag, name in
            switch tag {
            case .subfolder:
                let whole = path(name)
                part.entries.append(WalkEntry(path: whole, kind: .directory))
                subfolders.append(whole)
            case .file:
                let whole = path(name)
                onKept?(whole)
                part.entries.append(WalkEntry(path: whole, kind: .file))
            case .symlink: part.entries.append(WalkEntry(path: path(name), kind: .symlink))
            case .fileExtension: break
            }
        } extensions: { key, files in
            part.tally.add(folder: folder, extension: key, files: files)
        }
        part.coverage.files += record.files
        part.coverage.symlinks += record.symlinks
        part.coverage.specialFiles += record.specials
        part.records.append(record)
        part.replayed += 1
        return subfolders
    }

    /// The folder's stamp now, without following a link; nil when it is no folder any more.
    private func stamp(of folder: [UInt8], via parent: Int32) -> FolderStamp? {
        var info: stat?
        if folder.isEmpty || parent >= 0 || folder.count < 2048 {
            info = parent >= 0 ? PathOpener.status(of: VolumePath(bytes: folder).lastComponentBytes, in: parent)
                : PathOpener.status(of: folder, in: opener.rootFD)
        } else {
            let fd = opener.open(folder, flags: O_DIRECTORY)
            if fd >= 0 { info = PathOpener.status(of: [], in: fd); _ = close(fd) }
        }
        guard let info, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return FolderStamp(info)
    }
}

/// The folders waiting to be listed, shared by the walk's threads. The walk ends when the
/// queue is empty and no thread is still listing (and so could add more).
final class FolderQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [[UInt8]]
    private var busy = 0
    private var files = 0

    init(first: [UInt8]) { pending = [first] }

    /// The next folder, waiting while others may still add some; nil when the walk is over.
    func take() -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && busy > 0 { condition.wait() }
        guard let folder = pending.popLast() else {
            condition.broadcast()
            return nil
        }
        busy += 1
        return folder
    }

    /// Shares folders found by a thread that keeps one for itself.
    func give<S: Sequence>(_ folders: S) where S.Element == [UInt8] {
        condition.lock()
        pending.append(contentsOf: folders)
        condition.broadcast()
        condition.unlock()
    }

    /// The thread that took a folder has nothing more of its own.
    func finished() {
        condition.lock()
        busy -= 1
        if busy == 0 { condition.broadcast() }
        condition.unlock()
    }

    /// Adds to the shared file count and returns it (for progress only).
    func addFiles(_ count: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        files += count
        return files
    }
}

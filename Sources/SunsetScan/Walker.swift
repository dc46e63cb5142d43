import Foundation
import Glibc
import SunsetCore

/// Lists every entry below a root with `readdir` and `d_type`, as `find` does: no stat per
/// file, no recursion (folders wait in a shared queue, so any depth works), symbolic links
/// recorded but never followed, special files counted but never opened. Folders are listed
/// by one thread per core. What cannot be read becomes a coverage gap.
public struct Walker: Sendable {
    public var excludes: [Glob]
    public var threads: Int
    /// Called now and then with the running count of files, from any thread.
    public var progress: (@Sendable (Int) -> Void)?

    /// Top-level names skipped when the root is `/` (virtual file systems).
    static let virtualTops: Set<[UInt8]> = [Array("proc".utf8), Array("sys".utf8), Array("dev".utf8), Array("run".utf8)]

    public init(excludes: [Glob] = [], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (Int) -> Void)? = nil) {
        self.excludes = excludes
        self.threads = max(1, threads)
        self.progress = progress
    }

    /// What one walk produced. Entries come in no particular order.
    public struct Result: Sendable {
        public var entries: [WalkEntry]
        public var coverage: Coverage
        /// Files per extension and folder.
        var fileTypes = ExtensionTally()
    }

    /// Walks `root` (whose index in the scan is `rootIndex`).
    public func walk(root: String, rootIndex: Int) throws(ScanError) -> Result {
        let opener = try PathOpener(root: root)
        defer { opener.close() }
        let queue = FolderQueue(first: [])
        let parts = Parts(count: threads)
        let context = FolderLister(opener: opener, rootIndex: rootIndex, skipVirtual: root == "/", excludes: excludes)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var entries: [WalkEntry] = []
            var coverage = Coverage()
            var tally = ExtensionTally()
            var local: [[UInt8]] = []
            var reported = 0
            // The folder just listed stays open while the thread goes on into one of its
            // subfolders, which is then opened relative to it: a deep chain costs one
            // openat per level instead of a walk from the root each time.
            var parent: Int32 = -1
            while true {
                let folder: [UInt8]
                var via: Int32 = -1
                if let child = local.popLast() {
                    folder = child
                    via = parent
                } else {
                    guard let next = queue.take() else { break }
                    folder = next
                }
                let (found, fd) = context.list(folder, via: via, into: &entries, coverage: &coverage, tally: &tally)
                if parent >= 0 { _ = close(parent) }
                parent = fd
                local += found
                if local.count > 1 { queue.give(local.dropLast()); local = Array(local.suffix(1)) }
                if local.isEmpty {
                    if parent >= 0 { _ = close(parent); parent = -1 }
                    queue.finished()
                }
                if let progress, coverage.directories % 64 == 0 {
                    progress(queue.addFiles(coverage.files - reported))
                    reported = coverage.files
                }
            }
            parts.store(worker, entries, coverage, tally)
        }
        var coverage = Coverage()
        var entries: [WalkEntry] = []
        var tally = ExtensionTally()
        entries.reserveCapacity(parts.entries.reduce(0) { $0 + $1.count })
        for index in 0..<threads {
            entries += parts.entries[index]
            coverage.merge(parts.coverage[index])
            tally.merge(parts.tallies[index])
        }
        coverage.directories -= 1  // the root itself is not counted
        return Result(entries: entries, coverage: coverage, fileTypes: tally)
    }

    /// Per-worker results, each slot written by one worker only.
    private final class Parts: @unchecked Sendable {
        var entries: [[WalkEntry]]
        var coverage: [Coverage]
        var tallies: [ExtensionTally]
        private let lock = NSLock()

        init(count: Int) {
            entries = Array(repeating: [], count: count)
            coverage = Array(repeating: Coverage(), count: count)
            tallies = Array(repeating: ExtensionTally(), count: count)
        }

        func store(_ index: Int, _ found: [WalkEntry], _ counts: Coverage, _ tally: ExtensionTally) {
            lock.withLock {
                entries[index] = found
                coverage[index] = counts
                tallies[index] = tally
            }
        }
    }
}

/// Lists one folder: the walk's inner loop.
struct FolderLister: Sendable {
    let opener: PathOpener
    let rootIndex: Int
    let skipVirtual: Bool
    let excludes: [Glob]

    /// Appends the folder's entries and returns its subfolders, and a descriptor of the folder
    /// (the caller closes it) when it has subfolders. `via`, when not -1, is the parent
    /// folder's descriptor to open it from.
    func list(_ folder: [UInt8], via parent: Int32, into entries: inout [WalkEntry],
              coverage: inout Coverage, tally: inout ExtensionTally) -> ([[UInt8]], Int32) {
        coverage.directories += 1
        let fd = parent >= 0
            ? opener.openChild(of: parent, name: Array(VolumePath(bytes: folder).lastComponentBytes), flags: O_DIRECTORY)
            : opener.open(folder, flags: O_DIRECTORY)
        guard fd >= 0, let stream = fdopendir(fd) else {
            if fd >= 0 { _ = close(fd) }
            let reason = fd < 0 ? String(cString: strerror(-fd)) : "cannot list folder"
            coverage.gaps.append(.init(location: Location(root: rootIndex, path: VolumePath(bytes: folder)), reason: reason))
            return ([], -1)
        }
        defer { closedir(stream) }
        var subfolders: [[UInt8]] = []
        var extensions: [UInt64: Int] = [:]
        let nameStart = folder.isEmpty ? 0 : folder.count + 1
        defer { if !extensions.isEmpty { tally.add(folder: folder, extensions) } }
        errno = 0
        while let item = readdir(stream) {
            let path = withUnsafePointer(to: &item.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { name -> [UInt8]? in
                    let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                    if name[0] == UInt8(ascii: ".") && (length == 1 || (length == 2 && name[1] == UInt8(ascii: "."))) {
                        return nil
                    }
                    var path = folder
                    path.reserveCapacity(folder.count + length + 1)
                    if !folder.isEmpty { path.append(UInt8(ascii: "/")) }
                    path.append(contentsOf: UnsafeBufferPointer(start: name, count: length))
                    return path
                }
            }
            guard let path else { continue }
            if skipVirtual && folder.isEmpty && Walker.virtualTops.contains(path) { continue }
            if !excludes.isEmpty && excludes.contains(where: { $0.matches(path) }) { continue }
            switch kind(of: item.pointee.d_type, fd: fd, path: path, nameStart: nameStart) {
            case .directory:
                entries.append(WalkEntry(path: path, kind: .directory))
                subfolders.append(path)
            case .file:
                coverage.files += 1
                entries.append(WalkEntry(path: path, kind: .file))
                if let ext = ExtensionTally.fileExtension(path, nameStart: nameStart) { extensions[ext, default: 0] += 1 }
            case .symlink:
                coverage.symlinks += 1
                entries.append(WalkEntry(path: path, kind: .symlink))
            case .special:
                coverage.specialFiles += 1
            case nil:
                coverage.gaps.append(.init(location: Location(root: rootIndex, path: VolumePath(bytes: path)),
                                           reason: "vanished during the scan"))
            }
        }
        return (subfolders, subfolders.isEmpty ? -1 : dup(fd))
    }

    /// The entry's type from `d_type`, falling back to `fstatat` (without following links)
    /// on file systems that do not fill it in. Nil when the entry is gone.
    private func kind(of type: UInt8, fd: Int32, path: [UInt8], nameStart: Int) -> WalkEntry.Kind? {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return .symlink
        case Int32(DT_UNKNOWN): break
        default: return .special
        }
        var info = stat()
        let found = (Array(path[nameStart...]) + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) == 0
            }
        }
        guard found else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .special
        }
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

import Dispatch
import Foundation
import Glibc
import SunsetCore

/// The quick way through a state file: when every folder the last scan saw and every file it
/// read still have the stamps they had then, and all those stamps were old enough to vouch
/// for what they cover, the scan would find exactly what it found then. Checking costs one
/// `stat` per folder and per file read, spread over the cores; nothing is listed or opened.
enum StateCheck {
    /// The stored inventory when nothing changed, nil when anything did or cannot be told.
    static func unchanged(_ loaded: ScanState.Loaded, roots: [String]) -> Inventory? {
        guard let stored = loaded.inventory, loaded.records.count == roots.count, loaded.opened.count == roots.count,
              loaded.records.allSatisfy({ $0?.all.allSatisfy(\.reusable) ?? false }),
              loaded.opened.allSatisfy({ $0.allSatisfy { $0.stamp != nil } }) else { return nil }
        var descriptors: [Int32] = []
        defer { descriptors.forEach { _ = close($0) } }
        for root in roots {
            let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC | PathOpener.noAccessTime)
            let opened = fd >= 0 ? fd : open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard opened >= 0 else { return nil }
            descriptors.append(opened)
        }
        // The checks grouped by the folder that holds them: each folder is opened once (as a
        // path only, O_PATH: nothing is read) and its entries are looked up in it, one name
        // each, instead of a walk from the root for every path. Groups are shared out among
        // the cores.
        var groups: [GroupKey: [(name: [UInt8], stamp: Stamp)]] = [:]
        for (root, records) in loaded.records.enumerated() {
            for record in records?.all ?? [] {
                let path = VolumePath(bytes: record.path)
                groups[GroupKey(root: root, folder: PathKey(path.parent.bytes)), default: []]
                    .append((record.path.isEmpty ? [] : Array(path.lastComponentBytes), .folder(record.stamp)))
            }
        }
        for (root, files) in loaded.opened.enumerated() {
            for file in files {
                let path = VolumePath(bytes: file.path)
                groups[GroupKey(root: root, folder: PathKey(path.parent.bytes)), default: []]
                    .append((Array(path.lastComponentBytes), .file(file.stamp!)))
            }
        }
        let work = Array(groups)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, work.count / 64 + 1))
        let changed = Flag()
        let roots = descriptors
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < work.count, !changed.isSet {
                let (key, entries) = work[index]
                index += workers
                let rootFD = roots[key.root]
                var folder = rootFD
                if !key.folder.bytes.isEmpty {
                    folder = (key.folder.bytes + [0]).withUnsafeBufferPointer { buffer in
                        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                            openat(rootFD, $0, Self.pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                        }
                    }
                }
                // A folder that cannot be opened any more has changed (its own check says so too).
                guard folder >= 0 else { changed.set(); break }
                for entry in entries where !entry.stamp.holds(entry.name, in: folder) {
                    changed.set()
                    break
                }
                if folder != rootFD { _ = close(folder) }
            }
        }
        guard !changed.isSet, var inventory = try? JSONDecoder().decode(Inventory.self, from: stored) else { return nil }
        // The running system's description comes from outside the roots (os-release, the
        // kernel): read afresh, as a full scan would.
        for index in inventory.roots.indices where !inventory.roots[index].isWindowsVolume {
            var host = HostDetector.isRunningSystemPlace(inventory.roots[index].path) ? HostDetector.runningSystem() : .none
            host.evidence = host.evidence.placed(on: index)
            inventory.roots[index].host = host
        }
        return inventory
    }

    /// `O_PATH` (Linux): a descriptor that only names a folder; nothing is read through it.
    static let pathOnly: Int32 = 0o10000000

    /// A folder of one root.
    struct GroupKey: Hashable {
        var root: Int
        var folder: PathKey
    }

    /// What a path was.
    enum Stamp {
        case folder(FolderStamp)
        case file(FileStamp)

        func holds(_ path: [UInt8], in root: Int32) -> Bool {
            switch self {
            case let .folder(stamp):
                var info = stat()
                let found = path.isEmpty ? fstat(root, &info) == 0 : (path + [0]).withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        fstatat(root, $0, &info, AT_SYMLINK_NOFOLLOW) == 0
                    }
                }
                return found && info.st_mode & S_IFMT == S_IFDIR && FolderStamp(info) == stamp
            case let .file(stamp):
                return FileStamp.of(path, in: root) == stamp
            }
        }
    }

    /// Set once by any thread.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }
}

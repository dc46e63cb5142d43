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
        // One `stat` per folder and per file, by its path from the root (no descriptor to
        // open and close), shared out among the cores.
        var list: [(root: Int, path: [UInt8], stamp: Stamp)] = []
        for (root, records) in loaded.records.enumerated() {
            for record in records?.all ?? [] { list.append((root, record.path, .folder(record.stamp))) }
        }
        for (root, files) in loaded.opened.enumerated() {
            for file in files { list.append((root, file.path, .file(file.stamp!))) }
        }
        let checks = list
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, checks.count / 256 + 1))
        let changed = Flag()
        let roots = descriptors
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let share = (checks.count + workers - 1) / workers
            for index in (worker * share)..<min(checks.count, (worker + 1) * share) {
                let check = checks[index]
                if !check.stamp.holds(check.path, in: roots[check.root]) { changed.set(); return }
                if index % 512 == 0 && changed.isSet { return }
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

    /// What a path was.
    enum Stamp {
        case folder(FolderStamp)
        case file(FileStamp)

        func holds(_ path: [UInt8], in root: Int32) -> Bool {
            switch self {
            case let .folder(stamp):
                guard let info = PathOpener.status(of: path, in: root) else { return false }
                return info.st_mode & S_IFMT == S_IFDIR && FolderStamp(info) == stamp
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

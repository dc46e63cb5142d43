import Foundation

/// Identification while the walk goes on: the walk hands over each file it keeps whose name
/// makes it a candidate of some pack (a backup or export name), and one worker thread with
/// its own libmagic cookie probes them as they come, so that on a disk whose walk waits on
/// the device the identification is done by the time the walk ends. Bounded: one worker
/// and at most `capacity` files waiting; what does not fit is simply probed after the walk,
/// like every other candidate. Results are the same either way (`ProductFinder` takes
/// them from here when they are present).
final class EarlyProbes: @unchecked Sendable {
    struct Key: Hashable {
        var root: Int
        var path: PathKey
    }

    /// Most files waiting at once.
    static let capacity = 4096

    private let condition = NSCondition()
    private var pending: [(Key, any RootFiles)] = []
    private var results: [Key: FileProbe] = [:]
    private var closed = false
    private var running = false

    /// Queues a file, unless the queue is full or closed.
    func submit(root: Int, path: [UInt8], opener: any RootFiles) {
        condition.lock()
        defer { condition.unlock() }
        guard !closed, pending.count < Self.capacity else { return }
        pending.append((Key(root: root, path: PathKey(path)), opener))
        if !running {
            running = true
            let thread = Thread { [self] in work() }
            thread.start()
        }
        condition.signal()
    }

    /// Stops taking files, waits for those queued, and returns every probe made.
    func finish() -> [Key: FileProbe] {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while running { condition.wait() }
        return results
    }

    private func work() {
        let cookie = try? MagicCookie()
        condition.lock()
        while true {
            while pending.isEmpty && !closed { condition.wait() }
            guard let (key, opener) = pending.popLast() else { break }
            condition.unlock()
            // Without a cookie nothing is probed here; the files are probed after the walk.
            let probe = cookie.map { FileProbe.read(key.path.bytes, opener: opener, cookie: $0) }
            condition.lock()
            if let probe { results[key] = probe }
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }
}

import Dispatch
import Foundation

/// Probes many files at once on every core. Each worker thread opens its own libmagic
/// cookie and keeps it for its whole life: one cookie shared between threads crashes.
struct Identifier {
    /// One file to probe: the root's opener and the path below it.
    struct Job {
        var opener: any RootFiles
        var path: [UInt8]
    }

    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Probes every job; results are in job order.
    func probe(_ jobs: [Job]) throws(ScanError) -> [FileProbe] {
        guard !jobs.isEmpty else { return [] }
        let shared = Shared(count: jobs.count)
        let threads = max(1, min(workers, jobs.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let cookie: MagicCookie
            do { cookie = try MagicCookie() } catch { shared.fail(error as? ScanError ?? .magicUnavailable("\(error)")); return }
            while let index = shared.next() {
                shared.store(FileProbe.read(jobs[index].path, opener: jobs[index].opener, cookie: cookie), at: index)
            }
        }
        if let error = shared.error { throw error }
        return shared.results.map { $0! }
    }

    /// The work queue and result slots the workers share, guarded by one lock.
    private final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var cursor = 0
        private let count: Int
        private(set) var results: [FileProbe?]
        private(set) var error: ScanError?

        init(count: Int) {
            self.count = count
            self.results = Array(repeating: nil, count: count)
        }

        func next() -> Int? {
            lock.withLock {
                guard cursor < count, error == nil else { return nil }
                defer { cursor += 1 }
                return cursor
            }
        }

        func store(_ probe: FileProbe, at index: Int) { lock.withLock { results[index] = probe } }

        func fail(_ error: ScanError) { lock.withLock { self.error = error } }
    }
}

import Foundation

/// The files and bytes finished so far, for progress reports from inside a copy.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var files = 0
    private var bytes: UInt64 = 0
    let totalFiles: Int
    let totalBytes: UInt64

    init(totalFiles: Int, totalBytes: UInt64) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
    }

    func fileDone(size: UInt64) {
        lock.withLock {
            files += 1
            bytes += size
        }
    }

    /// Progress with `current` bytes of the file being copied counted in.
    func progress(plus current: UInt64) -> RescueProgress {
        lock.withLock {
            RescueProgress(files: files, totalFiles: totalFiles, bytes: bytes + current, totalBytes: totalBytes)
        }
    }
}

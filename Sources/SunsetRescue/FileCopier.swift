import Foundation
import Glibc
import SunsetCore

/// Copies one source file into the bag: hashed (SHA-256 and SHA-512) while it is read,
/// written to a temporary file in the bag's work folder, flushed to disk, read back from
/// the disk and checked, given the source's modification time, then moved into place.
/// A source whose size or modification time changes during the copy is copied again, up
/// to `attempts` times.
struct FileCopier {
    let work: WorkFolder
    var pacer = CopyPacer()
    var attempts = 3
    static let chunkSize = 1 << 20

    /// A verified copy.
    struct Copied {
        var size: UInt64
        var modified: FileTime
        var sha256: String
        var sha512: String
    }

    /// Why a file could not be copied.
    enum Failure: Error {
        case unreadable(String)
        case notRegular
        case keptChanging(Int)
        case readBackDiffers
        case cannotWrite(String)

        var reason: String {
            switch self {
            case let .unreadable(why): return "cannot be read: \(why)"
            case .notRegular: return "not a regular file"
            case let .keptChanging(attempts): return "changed while being copied, \(attempts) times; close the program using it and run the rescue again"
            case .readBackDiffers: return "the copy read back from the disk differs from what was read; check the destination disk"
            case let .cannotWrite(why): return "cannot be written into the bag: \(why)"
            }
        }
    }

    /// Copies `path` of `tree` to `destination` (a file path inside the bag).
    func copy(_ path: VolumePath, of tree: SourceTree, to destination: String) -> Result<Copied, Failure> {
        var lastFailure = Failure.keptChanging(attempts)
        for attempt in 1...attempts {
            switch once(path, of: tree, attempt: attempt) {
            case let .success(copied):
                return work.moveCopy(to: destination).map { copied }.mapError { .cannotWrite($0.description) }
            case let .failure(failure):
                work.discardCopy()
                switch failure {
                case .keptChanging, .readBackDiffers: lastFailure = failure
                default: return .failure(failure)
                }
            }
        }
        if case .keptChanging = lastFailure { return .failure(.keptChanging(attempts)) }
        return .failure(lastFailure)
    }

    // MARK: - One attempt

    private func once(_ path: VolumePath, of tree: SourceTree, attempt: Int) -> Result<Copied, Failure> {
        let source: SourceReader
        switch tree.reader(path) {
        case let .success(opened): source = opened
        case let .failure(error): return .failure(.unreadable(error.description))
        }
        defer { source.close() }
        let before: stat
        switch source.status() {
        case let .success(info): before = info
        case let .failure(error): return .failure(.unreadable(error.description))
        }
        guard before.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }

        let target: Int32
        switch work.createCopy() {
        case let .success(fd): target = fd
        case let .failure(error): return .failure(.cannotWrite(error.description))
        }
        defer { close(target) }

        var hasher = MultiHasher([.sha256, .sha512])
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var total: UInt64 = 0
        let expected = UInt64(before.st_size)
        // Reads the size it saw at the start, no more: a file that keeps growing cannot hold the copy forever.
        while total < expected {
            let wanted = Int(min(UInt64(Self.chunkSize), expected - total))
            let got: Int
            switch buffer.withUnsafeMutableBytes({ source.read(into: $0, count: wanted, at: total) }) {
            case let .success(count): got = count
            case let .failure(error): return .failure(.unreadable(error.description))
            }
            if got == 0 { break }
            let chunk = buffer.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[0..<got]) }
            hasher.update(chunk)
            if let error = Self.writeAll(target, chunk) { return .failure(.cannotWrite(error.description)) }
            total += UInt64(got)
            pacer.chunkDone(attempt: attempt, bytes: total)
        }
        let after: stat
        switch source.status() {
        case let .success(info): after = info
        case let .failure(error): return .failure(.unreadable(error.description))
        }
        let modified = FileTime(before.st_mtim)
        if after.st_size != before.st_size || FileTime(after.st_mtim) != modified || total != expected {
            return .failure(.keptChanging(attempt))
        }
        let digests = hasher.finalize()
        // On the disk, with the source's times, then read back from the disk, not the cache.
        var times = [before.st_atim, before.st_mtim]
        guard fsync(target) == 0, futimens(target, &times) == 0 else { return .failure(.cannotWrite(Errno(errno).description)) }
        _ = posix_fadvise(target, 0, 0, POSIX_FADV_DONTNEED)
        guard let readBack = Self.sha256(of: target) else { return .failure(.cannotWrite("cannot read the copy back")) }
        guard readBack == digests[.sha256] else { return .failure(.readBackDiffers) }
        return .success(Copied(size: total, modified: modified, sha256: digests[.sha256]!, sha512: digests[.sha512]!))
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Errno? {
        var offset = 0
        while offset < bytes.count {
            let wrote = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if wrote < 0 && errno == EINTR { continue }
            if wrote <= 0 { return Errno(wrote < 0 ? errno : EIO) }
            offset += wrote
        }
        return nil
    }

    /// The SHA-256 of an open file's whole content, read with `pread` from the start.
    static func sha256(of fd: Int32) -> String? {
        digests(of: fd, [.sha256])?[.sha256]
    }

    /// The digests of an open file's whole content, read with `pread` from the start.
    static func digests(of fd: Int32, _ algorithms: [DigestAlgorithm] = [.sha256, .sha512]) -> [DigestAlgorithm: String]? {
        var hasher = MultiHasher(algorithms)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var offset: off_t = 0
        while true {
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, chunkSize, offset) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { return nil }
            if got == 0 { break }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
            offset += off_t(got)
        }
        return hasher.finalize()
    }
}

/// A file time to the nanosecond, compared exactly.
struct FileTime: Hashable, Codable, Sendable {
    var seconds: Int64
    var nanoseconds: Int64

    init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    init(_ spec: timespec) {
        self.init(seconds: Int64(spec.tv_sec), nanoseconds: Int64(spec.tv_nsec))
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes a dBase reader reads: a file opened read-only (never following a symbolic link)
/// and read with `pread`, or a buffer (tests and the fuzzer). Reads past the end come back short.
final class DBFBytes {
    private let descriptor: Int32
    private let memory: [UInt8]
    /// The file's (or buffer's) length in bytes: every length the format declares is bounded by it.
    let size: Int

    init(memory: [UInt8]) {
        descriptor = -1
        self.memory = memory
        size = memory.count
    }

    /// Opens `path` read-only with `O_NOFOLLOW`; a link, a folder or a device is refused.
    init(path: String) throws {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            throw ReadableError.notADatabase(path: path, reason: "cannot open it: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ReadableError.notADatabase(path: path, reason: "not a regular file")
        }
        descriptor = fd
        memory = []
        size = Int(status.st_size)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Up to `count` bytes from `offset`: fewer at the end, none past it.
    func read(at offset: Int, count: Int) -> [UInt8] {
        guard offset >= 0, count > 0, offset < size else { return [] }
        let wanted = min(count, size - offset)
        if descriptor < 0 { return Array(memory[offset..<(offset + wanted)]) }
        var buffer = [UInt8](repeating: 0, count: wanted)
        var done = 0
        while done < wanted {
            let got = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + done, wanted - done, off_t(offset + done))
            }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            done += got
        }
        return done == wanted ? buffer : Array(buffer[0..<done])
    }
}

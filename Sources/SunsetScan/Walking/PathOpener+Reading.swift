import Foundation
import Glibc

/// Bounded reads of one file below the root, through one descriptor.
extension PathOpener {
    /// Opens a regular file read-only, runs `body` with a reader and the file's size, closes it.
    /// Nil when the file cannot be opened or is not a regular file.
    func withFile<T>(_ path: [UInt8], _ body: (_ size: UInt64, _ read: (UInt64, Int) -> [UInt8]?) -> T) -> T? {
        let fd = open(path, flags: 0)
        guard fd >= 0 else { return nil }
        defer { _ = Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return body(UInt64(info.st_size)) { offset, count in Self.read(fd, offset: offset, count: count) }
    }

    /// Exactly `count` bytes at `offset`, or nil.
    static func read(_ fd: Int32, offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= UInt64(Int64.max) else { return nil }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled)) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return nil }
            filled += got
        }
        return buffer
    }

    /// The file mapped read-only into memory (pages are read only when touched, and the
    /// mapping ends with the returned value), or why it could not be.
    func mapped(_ path: [UInt8]) -> Result<Data, MapFailure> {
        let fd = open(path, flags: 0)
        guard fd >= 0 else { return .failure(.cannotOpen(String(cString: strerror(-fd)))) }
        defer { _ = Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .failure(.cannotOpen("not a regular file")) }
        guard info.st_size > 0 else { return .failure(.empty) }
        let size = Int(info.st_size)
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else {
            return .failure(.cannotOpen("cannot map the file"))
        }
        return .success(Data(bytesNoCopy: pointer, count: size, deallocator: .custom { munmap($0, $1) }))
    }

    /// Why a file could not be mapped.
    enum MapFailure: Error {
        case empty
        case cannotOpen(String)
    }
}

import Foundation
import Glibc
import SunsetCore
import SunsetImage

/// One source file open for copying: a descriptor below a folder, or a file inside a disk
/// image's file system. Either way it is only read, at explicit offsets.
enum SourceReader {
    case folder(Int32)
    case image(ImageFile)

    /// The file's status: a folder's own; for an image, what its file system records (the
    /// modification time stands for the access time too, which an image does not change).
    func status() -> Result<stat, Errno> {
        switch self {
        case let .folder(fd):
            var info = stat()
            return fstat(fd, &info) == 0 ? .success(info) : .failure(Errno(errno))
        case let .image(file):
            return .success(SourceTree.status(kind: .file, size: file.size, modified: file.modified))
        }
    }

    /// Reads up to `count` bytes at `offset` into `buffer`: the bytes read (0 at the end), or the error.
    func read(into buffer: UnsafeMutableRawBufferPointer, count: Int, at offset: UInt64) -> Result<Int, Errno> {
        switch self {
        case let .folder(fd):
            while true {
                let got = pread(fd, buffer.baseAddress!, count, off_t(offset))
                if got < 0 && errno == EINTR { continue }
                return got < 0 ? .failure(Errno(errno)) : .success(got)
            }
        case let .image(file):
            guard offset < file.size else { return .success(0) }
            guard let bytes = file.read(at: offset, count: count) else { return .failure(Errno(EIO)) }
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
            return .success(bytes.count)
        }
    }

    func close() {
        if case let .folder(fd) = self { _ = Glibc.close(fd) }
    }
}

import Glibc

/// Checks whether an archive that looks like a backup could actually be restored from.
/// Reads at most the head and the last 64 KiB of the file.
enum ArchiveCheck {
    /// Nil when the archive passes, otherwise why it does not.
    static func problem(format: ArchiveFormat, path: [UInt8], size: UInt64, head: [UInt8], opener: PathOpener) -> String? {
        switch format {
        case .zip: return zipProblem(path: path, size: size, opener: opener)
        case .gzip: return size < 18 ? "truncated gzip stream (\(size) bytes)" : nil
        case .sevenZip: return size < 32 ? "truncated 7z archive (\(size) bytes)" : sevenZipProblem(head: head, size: size)
        case .rar: return size < 20 ? "truncated RAR archive (\(size) bytes)" : nil
        case .cab: return cabProblem(head: head, size: size)
        }
    }

    /// A zip must end with an end-of-central-directory record whose directory lies inside the file.
    private static func zipProblem(path: [UInt8], size: UInt64, opener: PathOpener) -> String? {
        guard size >= 22 else { return "truncated zip archive (\(size) bytes, no central directory)" }
        let tailSize = Int(min(size, 65_557))
        guard let tail = read(path, offset: size - UInt64(tailSize), count: tailSize, opener: opener) else {
            return "cannot read the end of the archive"
        }
        guard let eocd = (0...(tail.count - 22)).reversed().first(where: {
            tail[$0] == 0x50 && tail[$0 + 1] == 0x4b && tail[$0 + 2] == 0x05 && tail[$0 + 3] == 0x06
        }) else {
            return "truncated zip archive (end of central directory not found)"
        }
        let entries = Int(tail[eocd + 10]) | Int(tail[eocd + 11]) << 8
        let directorySize = UInt64(littleEndian32(tail, eocd + 12))
        let directoryOffset = UInt64(littleEndian32(tail, eocd + 16))
        if entries == 0 { return "empty zip archive (no entries)" }
        let eocdOffset = size - UInt64(tail.count - eocd)
        if directoryOffset != 0xFFFF_FFFF && directoryOffset + directorySize > eocdOffset {
            return "truncated zip archive (central directory points past the data)"
        }
        return nil
    }

    private static func sevenZipProblem(head: [UInt8], size: UInt64) -> String? {
        guard head.count >= 32 else { return "truncated 7z archive" }
        var offset: UInt64 = 0, length: UInt64 = 0
        for i in 0..<8 {
            offset |= UInt64(head[12 + i]) << (8 * UInt64(i))
            length |= UInt64(head[20 + i]) << (8 * UInt64(i))
        }
        let (end, overflow) = (32 as UInt64).addingReportingOverflow(offset &+ length)
        return overflow || end > size ? "truncated 7z archive (header points past the end)" : nil
    }

    private static func cabProblem(head: [UInt8], size: UInt64) -> String? {
        guard head.count >= 12 else { return "truncated cabinet (\(size) bytes)" }
        let declared = UInt64(littleEndian32(head, 8))
        return declared > size ? "truncated cabinet (\(size) of \(declared) bytes)" : nil
    }

    static func littleEndian32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    /// `count` bytes at `offset`, or nil.
    static func read(_ path: [UInt8], offset: UInt64, count: Int, opener: PathOpener) -> [UInt8]? {
        let fd = opener.open(path, flags: 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled)) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return filled == count ? buffer : nil
    }
}

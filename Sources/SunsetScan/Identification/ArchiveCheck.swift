import Glibc

/// Checks whether an archive that looks like a backup could actually be restored from.
/// Zip archives are fully verified by `ZipCheck`; for the others the header must be whole
/// and must not point past the end of the file (only the head is read).
enum ArchiveCheck {
    /// Nil when the archive passes, otherwise why it does not.
    static func problem(format: ArchiveFormat, path: [UInt8], size: UInt64, head: [UInt8], opener: any RootFiles) -> String? {
        switch format {
        case .zip: return ZipCheck.check(path, opener: opener).problem
        case .gzip: return size < 18 ? "truncated gzip stream (\(size) bytes)" : nil
        case .sevenZip: return size < 32 ? "truncated 7z archive (\(size) bytes)" : sevenZipProblem(head: head, size: size)
        case .rar: return size < 20 ? "truncated RAR archive (\(size) bytes)" : nil
        case .cab: return cabProblem(head: head, size: size)
        }
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
    static func read(_ path: [UInt8], offset: UInt64, count: Int, opener: any RootFiles) -> [UInt8]? {
        opener.withFile(path) { _, read in read(offset, count) } ?? nil
    }
}

/// Checks a zip archive's structure before any library parses it: the end record, the
/// central directory and every local header must lie inside the file and agree in size.
/// Hostile or damaged archives stop here with a reason, so the zip library only ever sees
/// archives whose offsets and lengths are sane (it traps on some that are not).
enum ZipStructure {
    /// Nil when the structure is sound, else why it is not.
    static func problem(_ bytes: UnsafeRawBufferPointer) -> String? {
        let size = bytes.count
        func u16(_ at: Int) -> Int { at >= 0 && at + 2 <= size ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : -1 }
        func u32(_ at: Int) -> Int {
            guard at >= 0, at + 4 <= size else { return -1 }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        func u64(_ at: Int) -> Int {
            guard at >= 0, at + 8 <= size, bytes[at + 7] < 0x80 else { return -1 }
            return u32(at) | u32(at + 4) << 32
        }
        guard size >= 22 else { return "truncated zip archive (\(size) bytes, no central directory)" }
        // The end-of-central-directory record: the last one within reach of the end.
        let lowest = max(0, size - 22 - 65_535)
        guard let end = stride(from: size - 22, through: lowest, by: -1).first(where: { u32($0) == 0x0605_4B50 }) else {
            return "truncated zip archive (end of central directory not found)"
        }
        var entries = u16(end + 10), directorySize = u32(end + 12), directoryOffset = u32(end + 16)
        var directoryEnd = end
        if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // Zip64: a locator just before the end record points at the zip64 end record.
            let locator = end - 20
            guard u32(locator) == 0x0706_4B50 else { return "damaged zip64 archive (no end locator)" }
            let record = u64(locator + 8)
            guard record >= 0, record + 56 <= locator, u32(record) == 0x0606_4B50 else {
                return "damaged zip64 archive (end record out of place)"
            }
            entries = u64(record + 32)
            directorySize = u64(record + 40)
            directoryOffset = u64(record + 48)
            directoryEnd = record
        }
        guard entries >= 0, directorySize >= 0, directoryOffset >= 0,
              directoryOffset <= directoryEnd, directorySize <= directoryEnd - directoryOffset else {
            return "truncated or damaged zip archive (central directory points past the data)"
        }
        guard entries > 0 else { return "empty zip archive (no entries)" }
        guard entries <= directorySize / 46 else { return "damaged zip archive (more entries than the directory holds)" }
        var cursor = directoryOffset
        for index in 0..<entries {
            guard cursor + 46 <= directoryOffset + directorySize, u32(cursor) == 0x0201_4B50 else {
                return "damaged zip archive (central directory entry \(index + 1) is broken)"
            }
            let nameLength = u16(cursor + 28), extraLength = u16(cursor + 30), commentLength = u16(cursor + 32)
            let next = cursor + 46 + nameLength + extraLength + commentLength
            guard next <= directoryOffset + directorySize else {
                return "damaged zip archive (central directory entry \(index + 1) runs past the directory)"
            }
            let flags = u16(cursor + 8), method = u16(cursor + 10)
            let compressed = u32(cursor + 20), uncompressed = u32(cursor + 24), local = u32(cursor + 42)
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                // Zip64 sizes live in an extra field; such archives are not needed for backups
                // this small program made, and are refused rather than half-checked.
                return "zip64 entries are not checked (entry \(index + 1))"
            }
            guard method == 0 || method == 8 else {
                return "damaged zip archive (entry \(index + 1) uses compression method \(method))"
            }
            guard local + 30 <= directoryOffset, u32(local) == 0x0403_4B50 else {
                return "damaged zip archive (entry \(index + 1) has no local header where the directory says)"
            }
            // The local header must agree with the directory about the entry.
            let localFlags = u16(local + 6), localMethod = u16(local + 8)
            let localNameLength = u16(local + 26), localExtraLength = u16(local + 28)
            guard localMethod == method, localFlags & 0x0008 == flags & 0x0008, localNameLength == nameLength else {
                return "damaged zip archive (entry \(index + 1): local header and directory disagree)"
            }
            if flags & 0x0008 == 0 {
                guard u32(local + 18) == compressed, u32(local + 22) == uncompressed else {
                    return "damaged zip archive (entry \(index + 1): local header and directory disagree on sizes)"
                }
            }
            let dataStart = local + 30 + localNameLength + localExtraLength
            let descriptor = flags & 0x0008 != 0 ? 16 : 0
            guard dataStart + compressed + descriptor <= directoryOffset else {
                return "truncated zip archive (entry \(index + 1) runs past the data)"
            }
            cursor = next
        }
        return nil
    }
}

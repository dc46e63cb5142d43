import Foundation

/// A Windows registry hive file (the regf format of `SOFTWARE`, `NTUSER.DAT`, …) held in
/// memory and only read. Every cell offset and length is checked against the file before it
/// is used and the work is capped (`Limits`), so a truncated, damaged or hostile hive gives a
/// `HiveError` or a warning, never a crash or a hang. Transaction logs are never read or
/// applied: a hive that was not closed cleanly is read as it is, with a warning.
final class Hive {
    /// Bounds on the work one hive may cost.
    struct Limits: Sendable {
        /// Cells read in all, over every query on the hive.
        var cells = 2_000_000
        /// Key nesting below the root (Windows itself allows 512 levels).
        var depth = 512
        /// Subkeys listed for one key.
        var subkeys = 100_000
        /// Values listed for one key.
        var values = 20_000
        /// Bytes of one value's data.
        var valueBytes = 1 << 20

        init() {}
    }

    /// One allocated cell: its offset (relative to the first hive bin) and its body's bytes.
    struct Cell {
        let offset: UInt32
        let start: Int
        let count: Int
    }

    static let baseBlockSize = 4096
    /// From regf 1.4 on, a value larger than this is split into segments under a "db" record.
    static let bigDataSegment = 16344

    let limits: Limits
    /// The minor format version (3 for Windows XP hives, 5 from Vista on).
    let minorVersion: Int
    /// The root key's cell offset.
    let rootOffset: UInt32
    /// Problems that do not stop the reading: unapplied logs, a bad checksum, a truncated file.
    private(set) var warnings: [String] = []
    /// Cells read so far, over every query.
    private(set) var cellsRead = 0

    private let data: Data
    /// Where the hive bins end in the file as it is.
    private let binsEnd: Int

    /// Checks the base block and the first hive bin of `data`.
    init(data: Data, limits: Limits = Limits()) throws(HiveError) {
        self.data = data
        self.limits = limits
        let regf = Array("regf".utf8)
        guard data.count >= Self.baseBlockSize else {
            let signed = data.count >= 4 && Self.bytes(data, 0, 4) == regf
            throw .notAHive(signed ? "the file ends inside its 4 KiB header (truncated)" : "the file is shorter than a hive header")
        }
        guard Self.bytes(data, 0, 4) == regf else { throw .notAHive("no 'regf' signature") }
        let major = Int(Self.u32(data, 0x14)), minor = Int(Self.u32(data, 0x18))
        guard major == 1, (2...6).contains(minor) else { throw .unsupportedVersion(major: major, minor: minor) }
        let type = Self.u32(data, 0x1C)
        guard type == 0 else { throw .notAHive("a transaction log or other secondary file (type \(type)), not a primary hive") }
        minorVersion = minor
        rootOffset = Self.u32(data, 0x24)

        var warnings: [String] = []
        if Self.u32(data, 0x04) != Self.u32(data, 0x08) {
            warnings.append("the hive was not closed cleanly; changes still in its transaction logs are not applied, so the newest may be missing")
        }
        if Self.u32(data, 0x1FC) != Self.checksum(data) {
            warnings.append("the header checksum does not match")
        }
        let binsSize = Int(Self.u32(data, 0x28))
        if binsSize == 0 || binsSize % Self.baseBlockSize != 0 {
            warnings.append("the header gives an invalid size for the hive bins (\(binsSize))")
            binsEnd = data.count
        } else if Self.baseBlockSize + binsSize > data.count {
            warnings.append("the file is truncated: its header announces \(Self.baseBlockSize + binsSize) bytes, the file holds \(data.count)")
            binsEnd = data.count
        } else {
            binsEnd = Self.baseBlockSize + binsSize
        }
        guard binsEnd >= Self.baseBlockSize + 32, Self.bytes(data, Self.baseBlockSize, 4) == Array("hbin".utf8) else {
            throw .notAHive("no hive bin after the header (truncated or damaged)")
        }
        self.warnings = warnings
    }

    // MARK: - Cells

    /// The allocated cell at `offset`, after checking that it lies wholly inside the file.
    func cell(_ offset: UInt32) throws(HiveError) -> Cell {
        cellsRead += 1
        guard cellsRead <= limits.cells else { throw .tooMuchWork(limit: limits.cells) }
        guard offset != 0xFFFF_FFFF else { throw .badCell(offset: offset, reason: "is a missing reference") }
        guard offset % 8 == 0 else { throw .badCell(offset: offset, reason: "is not on a cell boundary") }
        let at = Self.baseBlockSize + Int(offset)
        guard at + 4 <= binsEnd else { throw .badCell(offset: offset, reason: "lies past the end of the file (truncated?)") }
        let size = Int32(bitPattern: Self.u32(data, at))
        guard size < 0 else { throw .badCell(offset: offset, reason: "is free space, not a record") }
        let length = -Int(size)
        guard length >= 8 else { throw .badCell(offset: offset, reason: "is shorter than any record") }
        guard at + length <= binsEnd else { throw .badCell(offset: offset, reason: "runs past the end of the file (truncated?)") }
        return Cell(offset: offset, start: at + 4, count: length - 4)
    }

    /// A little-endian 16-bit number at `at` in the cell's body.
    func u16(_ cell: Cell, _ at: Int) throws(HiveError) -> UInt16 {
        try check(cell, at, 2)
        return UInt16(littleEndian: data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: cell.start + at, as: UInt16.self) })
    }

    /// A little-endian 32-bit number at `at` in the cell's body.
    func u32(_ cell: Cell, _ at: Int) throws(HiveError) -> UInt32 {
        try check(cell, at, 4)
        return Self.u32(data, cell.start + at)
    }

    /// `count` bytes at `at` in the cell's body.
    func bytes(_ cell: Cell, _ at: Int, _ count: Int) throws(HiveError) -> [UInt8] {
        try check(cell, at, count)
        return Self.bytes(data, cell.start + at, count)
    }

    private func check(_ cell: Cell, _ at: Int, _ count: Int) throws(HiveError) {
        guard at >= 0, count >= 0, at <= cell.count, count <= cell.count - at else {
            throw .badCell(offset: cell.offset, reason: "is shorter than the record it should hold")
        }
    }

    // MARK: - Raw bytes (callers check the bounds)

    private static func u32(_ data: Data, _ at: Int) -> UInt32 {
        UInt32(littleEndian: data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) })
    }

    private static func bytes(_ data: Data, _ at: Int, _ count: Int) -> [UInt8] {
        data.withUnsafeBytes { Array($0[at..<(at + count)]) }
    }

    /// The XOR of the base block's first 127 double words, as Windows computes it.
    private static func checksum(_ data: Data) -> UInt32 {
        var sum: UInt32 = 0
        for index in 0..<127 { sum ^= u32(data, index * 4) }
        return sum == 0 ? 1 : sum == 0xFFFF_FFFF ? 0xFFFF_FFFE : sum
    }
}

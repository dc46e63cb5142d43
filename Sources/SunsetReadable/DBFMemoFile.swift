/// The memo file beside a table, where M, G, P and W fields keep their text and bytes; a field
/// holds only a block number.
///
/// - dBase III `.dbt`: 512-byte blocks; a memo runs from its block to a 0x1A byte (0x1A 0x1A).
/// - dBase IV `.dbt`: the block size at bytes 20–21 of the first block; each memo starts
///   with FF FF 08 00 and its length (header included, little-endian), and ends at 0x1A or 0x1F.
/// - FoxPro `.fpt`: the block size at bytes 6–7 (big-endian); each memo starts with its type
///   (0 picture, 1 text, 2 object) and its length, both big-endian.
final class DBFMemoFile {
    enum Layout: Equatable {
        case dBase3, dBase4, fox
    }

    let layout: Layout
    let blockSize: Int
    /// The memo file's name, for messages.
    let name: String
    private let bytes: DBFBytes

    init(bytes: DBFBytes, name: String, isFPT: Bool, tableVersion: UInt8) {
        self.bytes = bytes
        self.name = name
        let head = bytes.read(at: 0, count: 24)
        if isFPT {
            layout = .fox
            let declared = head.count >= 8 ? Int(head[6]) << 8 | Int(head[7]) : 0
            blockSize = max(1, declared)
        } else if tableVersion == 0x83 || tableVersion == 0x03 {
            layout = .dBase3
            blockSize = 512
        } else {
            layout = .dBase4
            let declared = head.count >= 22 ? Int(head[20]) | Int(head[21]) << 8 : 0
            blockSize = declared >= 64 ? declared : 512
        }
    }

    /// The memo stored at `block`; nil for block 0 (no memo). Throws `damaged` when the block or
    /// its length points past the end of the memo file.
    func memo(at block: Int, table: String) throws -> [UInt8]? {
        guard block > 0 else { return nil }
        let start = block * blockSize
        guard block <= bytes.size / blockSize, start < bytes.size else {
            throw ReadableError.damaged(table: table, reason: "memo block \(block) is past the end of \(name) (\(bytes.size) bytes)")
        }
        switch layout {
        case .dBase3:
            return terminated(from: start)
        case .dBase4:
            let head = bytes.read(at: start, count: 8)
            guard head.count == 8, head[0] == 0xFF, head[1] == 0xFF else { return terminated(from: start) }
            let declared = Int(head[4]) | Int(head[5]) << 8 | Int(head[6]) << 16 | Int(head[7]) << 24
            let length = declared >= 8 ? declared - 8 : declared
            let body = try exact(at: start + 8, count: length, block: block, table: table)
            return Array(body.prefix { $0 != 0x1A && $0 != 0x1F })
        case .fox:
            let head = bytes.read(at: start, count: 8)
            guard head.count == 8 else {
                throw ReadableError.damaged(table: table, reason: "memo block \(block) of \(name) is cut short")
            }
            let length = Int(head[4]) << 24 | Int(head[5]) << 16 | Int(head[6]) << 8 | Int(head[7])
            return try exact(at: start + 8, count: length, block: block, table: table)
        }
    }

    /// The bytes from `start` up to the first 0x1A (or the end of the file), read a block at a time.
    private func terminated(from start: Int) -> [UInt8] {
        var result: [UInt8] = []
        var position = start
        while position < bytes.size {
            let chunk = bytes.read(at: position, count: 512)
            if chunk.isEmpty { break }
            if let end = chunk.firstIndex(of: 0x1A) {
                result += chunk[..<end]
                return result
            }
            result += chunk
            position += chunk.count
        }
        return result
    }

    private func exact(at offset: Int, count: Int, block: Int, table: String) throws -> [UInt8] {
        guard count <= bytes.size - offset else {
            throw ReadableError.damaged(table: table,
                                        reason: "memo block \(block) of \(name) claims \(count) bytes; the file ends before")
        }
        return bytes.read(at: offset, count: count)
    }
}

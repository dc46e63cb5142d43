/// Builds the memo file of a table `DBFWriter` writes: a dBase III or IV `.dbt` with
/// 512-byte blocks, or a FoxPro `.fpt` with 64-byte blocks.
struct DBFMemoWriter {
    let flavor: DBFWriter.Flavor
    private(set) var bytes: [UInt8]
    private let blockSize: Int

    init(flavor: DBFWriter.Flavor) {
        self.flavor = flavor
        blockSize = flavor == .dBase3 || flavor == .dBase4 ? 512 : 64
        bytes = [UInt8](repeating: 0, count: 512)
        if blockSize == 64 {
            bytes[6] = 0
            bytes[7] = 64
        } else if flavor == .dBase4 {
            bytes[4] = 0x00; bytes[5] = 0x02     // block size, as some writers put it
            bytes[20] = 0x00; bytes[21] = 0x02   // and where dBase IV reads it
        }
        updateNextFree()
    }

    /// Adds a memo; returns its block number.
    mutating func append(_ text: [UInt8]) -> Int {
        let block = bytes.count / blockSize
        switch flavor {
        case .dBase3:
            bytes += text + [0x1A, 0x1A]
        case .dBase4:
            let length = UInt32(text.count + 8)
            // dbfread reads `length` bytes after the 8-byte header and stops at 0x1F.
            bytes += [0xFF, 0xFF, 0x08, 0x00] + (0..<4).map { UInt8((length >> (8 * UInt32($0))) & 0xFF) } + text + [0x1F, 0x1F]
        case .foxPro2, .visualFoxPro:
            let length = UInt32(text.count)
            bytes += [0, 0, 0, 1] + (0..<4).reversed().map { UInt8((length >> (8 * UInt32($0))) & 0xFF) } + text
        }
        let padding = (blockSize - bytes.count % blockSize) % blockSize
        bytes += [UInt8](repeating: 0, count: padding)
        updateNextFree()
        return block
    }

    private mutating func updateNextFree() {
        let next = UInt32(bytes.count / blockSize)
        let order: [UInt32] = blockSize == 64 ? [3, 2, 1, 0] : [0, 1, 2, 3]
        for (index, shift) in order.enumerated() { bytes[index] = UInt8((next >> (8 * shift)) & 0xFF) }
    }
}

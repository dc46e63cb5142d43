/// Navigation: keys, their subkeys, and keys by path (names compared in any case, as Windows does).
extension Hive {
    private static let nk = UInt16(0x6B6E), lf = UInt16(0x666C), lh = UInt16(0x686C)
    private static let li = UInt16(0x696C), ri = UInt16(0x6972)

    /// The hive's root key.
    func root() throws(HiveError) -> HiveKey { try key(at: rootOffset, parent: nil) }

    /// The key at `path` (names separated by `\`, any case) below `start` (the root by default), or nil.
    func key(_ path: String, below start: HiveKey? = nil) throws(HiveError) -> HiveKey? {
        var key: HiveKey
        if let start { key = start } else { key = try root() }
        for name in path.split(separator: "\\") {
            guard let next = try subkey(of: key, named: String(name)) else { return nil }
            key = next
        }
        return key
    }

    /// The subkey of `key` called `name` (any case), or nil.
    func subkey(of key: HiveKey, named name: String) throws(HiveError) -> HiveKey? {
        let wanted = name.uppercased()
        for child in try subkeys(of: key) where child.name.uppercased() == wanted { return child }
        return nil
    }

    /// Every subkey of `key`, in the hive's order.
    func subkeys(of key: HiveKey) throws(HiveError) -> [HiveKey] {
        guard key.subkeyCount > 0 else { return [] }
        guard key.subkeyCount <= limits.subkeys else {
            throw .badCell(offset: key.offset, reason: "claims \(key.subkeyCount) subkeys, more than the limit of \(limits.subkeys)")
        }
        var offsets: [UInt32] = []
        try collectSubkeys(key.subkeyList, into: &offsets, nested: false)
        var keys: [HiveKey] = []
        keys.reserveCapacity(offsets.count)
        for offset in offsets { keys.append(try self.key(at: offset, parent: key)) }
        return keys
    }

    /// Reads the key record at `offset`, a child of `parent`.
    func key(at offset: UInt32, parent: HiveKey?) throws(HiveError) -> HiveKey {
        let depth = parent.map { $0.depth + 1 } ?? 0
        guard depth <= limits.depth else { throw .tooDeep(limit: limits.depth) }
        let cell = try cell(offset)
        guard try u16(cell, 0) == Self.nk else { throw .badCell(offset: offset, reason: "is not a key record") }
        let flags = try u16(cell, 0x02)
        let length = Int(try u16(cell, 0x48))
        let name = Self.name(try bytes(cell, 0x4C, length), compressed: flags & 0x20 != 0)
        let path = parent.map { $0.path.isEmpty ? name : "\($0.path)\\\(name)" } ?? ""
        return HiveKey(offset: offset, name: name, path: path, depth: depth,
                       subkeyCount: Int(try u32(cell, 0x14)), subkeyList: try u32(cell, 0x1C),
                       valueCount: Int(try u32(cell, 0x24)), valueList: try u32(cell, 0x28))
    }

    /// Follows a subkey list: "lf"/"lh" (offset and hash pairs), "li" (offsets), or one
    /// level of "ri" (a list of such lists).
    private func collectSubkeys(_ offset: UInt32, into offsets: inout [UInt32], nested: Bool) throws(HiveError) {
        let cell = try cell(offset)
        let kind = try u16(cell, 0)
        let count = Int(try u16(cell, 2))
        let stride: Int
        switch kind {
        case Self.lf, Self.lh: stride = 8
        case Self.li: stride = 4
        case Self.ri where !nested:
            for index in 0..<count { try collectSubkeys(try u32(cell, 4 + 4 * index), into: &offsets, nested: true) }
            return
        default:
            throw .badCell(offset: offset, reason: "is not a subkey list")
        }
        guard offsets.count + count <= limits.subkeys else {
            throw .badCell(offset: offset, reason: "lists more subkeys than the limit of \(limits.subkeys)")
        }
        for index in 0..<count { offsets.append(try u32(cell, 4 + stride * index)) }
    }

    /// A key or value name: Latin-1 bytes when stored "compressed", UTF-16LE otherwise.
    static func name(_ bytes: [UInt8], compressed: Bool) -> String {
        compressed ? String(decoding: bytes.map { UInt16($0) }, as: UTF16.self) : utf16(bytes)
    }

    /// UTF-16LE bytes as text (an odd last byte is dropped; invalid units become U+FFFD).
    static func utf16(_ bytes: [UInt8]) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            units.append(UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}

import Foundation

/// Values: listing them, reading their data (big values in segments too), and turning it into
/// text or numbers.
extension Hive {
    private static let vk = UInt16(0x6B76), db = UInt16(0x6264)

    /// Every value of `key`, in the hive's order.
    func values(of key: HiveKey) throws(HiveError) -> [HiveValue] {
        guard key.valueCount > 0 else { return [] }
        guard key.valueCount <= limits.values else {
            throw .badCell(offset: key.offset, reason: "claims \(key.valueCount) values, more than the limit of \(limits.values)")
        }
        let list = try cell(key.valueList)
        var values: [HiveValue] = []
        values.reserveCapacity(key.valueCount)
        for index in 0..<key.valueCount { values.append(try value(at: try u32(list, 4 * index))) }
        return values
    }

    /// The value of `key` called `name` (any case; "" is the default value), or nil.
    func value(of key: HiveKey, named name: String) throws(HiveError) -> HiveValue? {
        let wanted = name.uppercased()
        for value in try values(of: key) where value.name.uppercased() == wanted { return value }
        return nil
    }

    private func value(at offset: UInt32) throws(HiveError) -> HiveValue {
        let cell = try cell(offset)
        guard try u16(cell, 0) == Self.vk else { throw .badCell(offset: offset, reason: "is not a value record") }
        let length = Int(try u16(cell, 0x02))
        let size = try u32(cell, 0x04)
        let flags = try u16(cell, 0x10)
        return HiveValue(offset: offset, name: Self.name(try bytes(cell, 0x14, length), compressed: flags & 1 != 0),
                         type: try u32(cell, 0x0C), size: Int(size & 0x7FFF_FFFF), dataOffset: try u32(cell, 0x08),
                         isInline: size & 0x8000_0000 != 0)
    }

    // MARK: - Data

    /// The value's data, at most `limits.valueBytes` long.
    func data(of value: HiveValue) throws(HiveError) -> [UInt8] {
        if value.isInline {
            guard value.size <= 4 else { throw .badCell(offset: value.offset, reason: "keeps more than 4 bytes inline") }
            return withUnsafeBytes(of: value.dataOffset.littleEndian) { Array($0.prefix(value.size)) }
        }
        guard value.size > 0 else { return [] }
        guard value.size <= limits.valueBytes else { throw .valueTooLarge(size: value.size, limit: limits.valueBytes) }
        let cell = try cell(value.dataOffset)
        if value.size > Self.bigDataSegment, minorVersion >= 4, cell.count >= 8, try u16(cell, 0) == Self.db {
            return try segments(cell, size: value.size)
        }
        return try bytes(cell, 0, value.size)
    }

    /// A big value's data, gathered from the segments its "db" record lists.
    private func segments(_ record: Cell, size: Int) throws(HiveError) -> [UInt8] {
        let count = Int(try u16(record, 2))
        let list = try cell(try u32(record, 4))
        var data: [UInt8] = []
        data.reserveCapacity(size)
        for index in 0..<count where data.count < size {
            let segment = try cell(try u32(list, 4 * index))
            data += try bytes(segment, 0, min(size - data.count, Self.bigDataSegment, segment.count))
        }
        guard data.count == size else { throw .badCell(offset: record.offset, reason: "holds fewer bytes than its value") }
        return data
    }

    // MARK: - Text and numbers

    /// A string value's text up to its first NUL; a number as decimal digits; nil for other types.
    func text(of value: HiveValue) throws(HiveError) -> String? {
        switch value.kind {
        case .string?, .expandableString?, .link?:
            var bytes = try data(of: value)
            var end = 0
            while end + 1 < bytes.count, bytes[end] != 0 || bytes[end + 1] != 0 { end += 2 }
            bytes.removeSubrange(end...)
            return Self.utf16(bytes)
        case .dword?, .dwordBigEndian?, .qword?:
            guard let number = try number(of: value) else { return nil }
            return String(number)
        default:
            return nil
        }
    }

    /// A number value (DWORD, big-endian DWORD, QWORD), or a string value that holds one.
    func number(of value: HiveValue) throws(HiveError) -> Int? {
        switch value.kind {
        case .dword?, .dwordBigEndian?:
            let bytes = try data(of: value)
            guard bytes.count >= 4 else { return nil }
            let word = bytes.prefix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return Int(value.kind == .dword ? word : word.byteSwapped)
        case .qword?:
            let bytes = try data(of: value)
            guard bytes.count >= 8 else { return nil }
            return Int(exactly: bytes.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        case .string?, .expandableString?:
            guard let text = try text(of: value) else { return nil }
            return Int(text.trimmingCharacters(in: .whitespaces))
        default:
            return nil
        }
    }

    /// The text of the value `name` of `key`, when there is one.
    func text(_ key: HiveKey, _ name: String) throws(HiveError) -> String? {
        guard let value = try value(of: key, named: name) else { return nil }
        return try text(of: value)
    }

    /// The number in the value `name` of `key`, when there is one.
    func number(_ key: HiveKey, _ name: String) throws(HiveError) -> Int? {
        guard let value = try value(of: key, named: name) else { return nil }
        return try number(of: value)
    }
}

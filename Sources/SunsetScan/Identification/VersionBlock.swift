import Foundation

/// The VS_VERSIONINFO tree inside a version resource: nested blocks of
/// (length, value length, type, UTF-16 key, padding, value, children), each 32-bit aligned.
struct VersionBlock {
    var key: String
    var value: ArraySlice<UInt8>
    var children: [VersionBlock]

    private static let maxDepth = 6

    /// Parses a whole resource into the fields Sunset reads.
    static func parse(_ bytes: [UInt8]) throws -> PEVersionInfo {
        guard let root = block(bytes, at: 0, end: bytes.count, depth: 0), root.key == "VS_VERSION_INFO" else {
            throw PEVersionReader.Failure.malformed("no VS_VERSION_INFO block")
        }
        var info = PEVersionInfo(is64Bit: false)
        let fixed = Array(root.value)
        if fixed.count >= 52, PEVersionReader.le32(fixed, 0) == 0xFEEF_04BD {
            let ms = PEVersionReader.le32(fixed, 8), ls = PEVersionReader.le32(fixed, 12)
            info.fixedFileVersion = [Int(ms >> 16), Int(ms & 0xFFFF), Int(ls >> 16), Int(ls & 0xFFFF)]
        }
        var strings: [String: String] = [:]
        for table in root.children where table.key == "StringFileInfo" {
            for language in table.children {
                for entry in language.children where strings[entry.key] == nil {
                    strings[entry.key] = utf16(entry.value)
                }
            }
        }
        info.productName = strings["ProductName"]
        info.fileDescription = strings["FileDescription"]
        info.companyName = strings["CompanyName"]
        info.fileVersion = strings["FileVersion"]
        info.productVersion = strings["ProductVersion"]
        return info
    }

    /// One block at `offset`, or nil when it does not fit.
    private static func block(_ bytes: [UInt8], at offset: Int, end: Int, depth: Int) -> VersionBlock? {
        guard depth <= maxDepth, offset + 6 <= end else { return nil }
        let length = Int(PEVersionReader.le16(bytes, offset))
        let valueLength = Int(PEVersionReader.le16(bytes, offset + 2))
        let isText = PEVersionReader.le16(bytes, offset + 4) == 1
        guard length >= 6, offset + length <= end else { return nil }
        let blockEnd = offset + length
        var cursor = offset + 6
        var keyUnits: [UInt16] = []
        while cursor + 2 <= blockEnd {
            let unit = PEVersionReader.le16(bytes, cursor)
            cursor += 2
            if unit == 0 { break }
            keyUnits.append(unit)
        }
        cursor = align(cursor)
        let valueBytes = isText ? valueLength * 2 : valueLength
        let valueEnd = min(blockEnd, cursor + valueBytes)
        let value = cursor <= valueEnd ? bytes[cursor..<valueEnd] : []
        var children: [VersionBlock] = []
        var next = align(valueEnd)
        while next + 6 <= blockEnd, let child = block(bytes, at: next, end: blockEnd, depth: depth + 1) {
            children.append(child)
            let advance = align(Int(PEVersionReader.le16(bytes, next)))
            guard advance > 0 else { break }
            next += advance
        }
        return VersionBlock(key: String(decoding: keyUnits, as: UTF16.self), value: value, children: children)
    }

    private static func align(_ offset: Int) -> Int { (offset + 3) & ~3 }

    /// A NUL-terminated UTF-16LE string value, trimmed.
    private static func utf16(_ bytes: ArraySlice<UInt8>) -> String? {
        var units: [UInt16] = []
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let unit = UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
            if unit == 0 { break }
            units.append(unit)
            index += 2
        }
        let text = String(decoding: units, as: UTF16.self).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}

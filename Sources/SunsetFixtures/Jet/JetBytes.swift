import Foundation

// MARK: - Little-endian bytes, the byte order of every Jet number

extension Data {
    /// Appends `value` in little-endian order.
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    /// Writes `value` in little-endian order at `offset`, which must already exist.
    mutating func setLittleEndian<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        Swift.withUnsafeBytes(of: value.littleEndian) { bytes in
            replaceSubrange(startIndex + offset ..< startIndex + offset + bytes.count, with: bytes)
        }
    }
}

extension String {
    /// The string as Jet 4 stores text: UTF-16 code units, little-endian, uncompressed.
    var jetUCS2: Data {
        var bytes = Data(capacity: utf16.count * 2)
        for unit in utf16 { bytes.appendLittleEndian(unit) }
        return bytes
    }
}

/// The page size of Jet 4 (and ACE) files.
let jetPageSize = 4096

/// A pointer to one row of one page, as Jet stores it: the page number times 256 plus the row.
func jetPageRow(page: UInt32, row: Int) -> UInt32 {
    page << 8 | UInt32(row)
}

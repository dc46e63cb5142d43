import CMDB
import Foundation

/// Turns the value libmdb found for a column of the current row into a `Cell`: numbers,
/// dates and currency from the row's bytes on libmdb's page buffer; text, memo, GUID and
/// numeric from the UTF-8 string libmdb binds; OLE objects through `mdb_ole_read_full`.
struct JetCellDecoder {
    let handle: UnsafeMutablePointer<MdbHandle>
    let table: String
    let bindSize: Int

    func cell(_ column: UnsafeMutablePointer<MdbColumn>, text: UnsafeMutablePointer<CChar>) throws -> Cell {
        let type = Int(column.pointee.col_type)
        let start = Int(column.pointee.cur_value_start)
        let length = Int(column.pointee.cur_value_len)
        // libmdb keeps a boolean's value as "is null": 0 means the bit is set, true.
        if type == Int(MDB_BOOL) { return .boolean(length == 0) }
        if length == 0 { return .null }
        switch type {
        case Int(MDB_BYTE): return .integer(Int64(try raw(start, length, as: UInt8.self)))
        case Int(MDB_INT): return .integer(Int64(try raw(start, length, as: Int16.self)))
        case Int(MDB_LONGINT): return .integer(Int64(try raw(start, length, as: Int32.self)))
        case Int(MDB_FLOAT): return .real(Double(Float(bitPattern: try raw(start, length, as: UInt32.self))))
        case Int(MDB_DOUBLE): return .real(Double(bitPattern: try raw(start, length, as: UInt64.self)))
        case Int(MDB_MONEY): return .decimal(Self.currency(try raw(start, length, as: Int64.self)))
        case Int(MDB_DATETIME):
            return JetDate.cell(days: Double(bitPattern: try raw(start, length, as: UInt64.self)))
        case Int(MDB_TEXT), Int(MDB_MEMO), Int(MDB_REPID):
            return .text(try string(text))
        case Int(MDB_NUMERIC): return .decimal(try string(text))
        case Int(MDB_BINARY): return .binary(try bytes(start, length))
        case Int(MDB_OLE): return .binary(try longValue(column))
        default: return .null   // an unsupported column: its kind says so
        }
    }

    /// A little-endian number of the row, read from libmdb's page buffer.
    private func raw<T: FixedWidthInteger>(_ start: Int, _ length: Int, as: T.Type) throws -> T {
        try inPage(start, MemoryLayout<T>.size)
        guard length >= MemoryLayout<T>.size else { throw damaged("a \(T.self) value of \(length) bytes") }
        return withUnsafeBytes(of: &handle.pointee.pg_buf) { T(littleEndian: $0.loadUnaligned(fromByteOffset: start, as: T.self)) }
    }

    private func bytes(_ start: Int, _ length: Int) throws -> Data {
        try inPage(start, length)
        return withUnsafeBytes(of: &handle.pointee.pg_buf) { Data($0[start ..< start + length]) }
    }

    /// Throws unless `length` bytes from `start` lie within the page.
    private func inPage(_ start: Int, _ length: Int) throws {
        guard start >= 0, length >= 0, start + length <= Int(MDB_PGSIZE) else {
            throw damaged("a value outside its page")
        }
    }

    private func string(_ text: UnsafeMutablePointer<CChar>) throws -> String {
        let length = strlen(text)
        guard length < bindSize - 1 else { throw damaged("a text longer than \(bindSize - 1) bytes") }
        return String(decoding: UnsafeRawBufferPointer(start: text, count: length), as: UTF8.self)
    }

    /// An OLE object's whole content: libmdb binds its 12-byte header, then follows it.
    private func longValue(_ column: UnsafeMutablePointer<MdbColumn>) throws -> Data {
        var size = 0
        guard let content = mdb_ole_read_full(handle, column, &size) else { throw damaged("an OLE object cannot be read") }
        defer { free(content) }
        return Data(bytes: content, count: size)
    }

    /// Ten-thousandths as "1234.5600".
    static func currency(_ value: Int64) -> String {
        let magnitude = value.magnitude
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        ISODate.pad(Int(magnitude / 10_000), 1, &bytes)
        bytes.append(UInt8(ascii: "."))
        ISODate.pad(Int(magnitude % 10_000), 4, &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func damaged(_ what: String) -> ReadableError {
        .damaged(table: table, reason: "\(what) (a damaged page or row)")
    }
}

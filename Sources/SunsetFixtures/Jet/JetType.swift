import Foundation

/// A column type of a Jet 4 table, as `JetWriter` writes it: the type code the table
/// definition records and the room a value takes in a row.
public enum JetType: Hashable, Sendable {
    /// Yes/No: kept in the row's null mask, takes no room.
    case boolean
    /// Byte (0…255).
    case byte
    /// Integer (16 bits).
    case int16
    /// Long Integer (32 bits).
    case int32
    /// Currency: a 64-bit count of ten-thousandths.
    case currency
    /// Single (32-bit float).
    case single
    /// Double (64-bit float).
    case double
    /// Date/Time: days since 1899-12-30 as a double, the time of day as its fraction (a `.real`
    /// cell is stored as that double as is).
    case dateTime
    /// Text of at most `maxLength` characters (at most 255), stored as UCS-2.
    case text(maxLength: Int = 255)
    /// Memo: long text, inline in the row when short, on LVAL pages when long.
    case memo
    /// OLE object: long bytes, stored like a memo.
    case ole

    /// The type code of the table definition (libmdb's `MDB_*` constants).
    var code: UInt8 {
        switch self {
        case .boolean: return 0x01
        case .byte: return 0x02
        case .int16: return 0x03
        case .int32: return 0x04
        case .currency: return 0x05
        case .single: return 0x06
        case .double: return 0x07
        case .dateTime: return 0x08
        case .text: return 0x0A
        case .ole: return 0x0B
        case .memo: return 0x0C
        }
    }

    /// Bytes a value takes in the fixed part of a row, or nil for a variable-length column.
    /// Booleans are fixed with no bytes: their value is their bit in the null mask.
    var fixedSize: Int? {
        switch self {
        case .boolean: return 0
        case .byte: return 1
        case .int16: return 2
        case .int32, .single: return 4
        case .currency, .double, .dateTime: return 8
        case .text, .memo, .ole: return nil
        }
    }

    /// The column length the table definition declares (0 for memo and OLE).
    var declaredLength: Int {
        switch self {
        case let .text(maxLength): return 2 * maxLength
        case .memo, .ole: return 0
        default: return fixedSize ?? 0
        }
    }

    /// True for the long-value types whose rows hold a 12-byte reference.
    var isLongValue: Bool { self == .memo || self == .ole }
}

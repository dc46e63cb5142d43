/// One field descriptor of a dBase or FoxPro header: a 32-byte entry naming a column, its type
/// letter, its width in the record and (Visual FoxPro) its flags.
public struct DBFField: Hashable, Sendable {
    /// The name as the header writes it (up to 10 characters, 11 bytes with the terminator).
    public let name: String
    /// The type letter's byte ("C", "N", "M" …; "0" for Visual FoxPro's `_NullFlags`).
    public let type: UInt8
    /// Bytes the field takes in each record.
    public let length: Int
    /// Digits after the decimal point (N and F fields).
    public let decimals: Int
    /// Visual FoxPro's flags: 0x01 system column, 0x02 may be null, 0x04 binary; 0 elsewhere.
    public let flags: UInt8
    /// Where the field starts in a record, counting the deletion flag as byte 0.
    public let offset: Int

    /// A column the format keeps for itself (`_NullFlags`), not the user's data.
    public var isSystem: Bool { flags & 0x01 != 0 }
    /// A Visual FoxPro field that may hold null (one bit in `_NullFlags`).
    public var isNullable: Bool { flags & 0x02 != 0 }
    /// A Visual FoxPro varchar or varbinary field (its length may be kept in `_NullFlags`).
    public var isVariableLength: Bool { type == UInt8(ascii: "V") || type == UInt8(ascii: "Q") }
    /// The type letter as text.
    public var typeLetter: String { String(UnicodeScalar(type)) }

    /// True when the field's value lives in the memo file (M, G, P, W; B outside Visual FoxPro).
    func isMemo(visualFoxPro: Bool) -> Bool {
        switch type {
        case UInt8(ascii: "M"), UInt8(ascii: "G"), UInt8(ascii: "P"), UInt8(ascii: "W"): return true
        case UInt8(ascii: "B"): return !visualFoxPro
        default: return false
        }
    }

    /// What the column holds, in the shared model's terms.
    func kind(visualFoxPro: Bool) -> ColumnInfo.Kind {
        switch UnicodeScalar(type) {
        case "C", "V", "M": return .text
        case "N", "F": return decimals > 0 || length > 18 ? .decimal : .integer
        case "D": return .date
        case "L": return .boolean
        case "I": return length == 4 ? .integer : .unsupported
        case "Y": return length == 8 ? .decimal : .unsupported
        case "T": return length == 8 ? .dateTime : .unsupported
        case "O": return length == 8 ? .real : .unsupported
        case "B": return visualFoxPro ? (length == 8 ? .real : .unsupported) : .binary
        case "G", "P", "W", "Q": return .binary
        default: return .unsupported
        }
    }

    /// The format's own name for the type, for the copies' index ("C(30)", "N(10,2)", "MEMO").
    var sourceType: String {
        switch UnicodeScalar(type) {
        case "C", "V", "Q": return "\(typeLetter)(\(length))"
        case "N", "F": return "\(typeLetter)(\(length),\(decimals))"
        case "M": return "MEMO"
        case "G": return "GENERAL"
        case "P": return "PICTURE"
        case "Y": return "CURRENCY"
        case "T": return "DATETIME"
        default: return typeLetter
        }
    }
}

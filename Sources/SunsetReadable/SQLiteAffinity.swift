import Foundation

/// SQLite's type affinity rules (section 3.1 of "Datatypes In SQLite"), refined where a
/// declared type says more than its affinity: a NUMERIC "DATE" column holds dates.
enum SQLiteAffinity {
    /// The kind of a column declared with this type.
    static func kind(declared: String) -> ColumnInfo.Kind {
        let type = declared.uppercased()
        // The rules apply in this order: "CHARINT" is an integer, "FLOATING POINT" too.
        if type.contains("INT") { return .integer }
        if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") { return .text }
        if type.contains("BLOB") { return .binary }
        if type.isEmpty { return .text }   // no affinity: each value keeps its own class
        if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") { return .real }
        // NUMERIC affinity: what the name says, else an exact number.
        if type.contains("BOOL") { return .boolean }
        if type.contains("DATETIME") || type.contains("TIMESTAMP") { return .dateTime }
        if type.contains("DATE") { return .date }
        return .decimal
    }

    /// A stored text read as its column's kind: ISO dates, decimal numbers; otherwise text.
    static func cell(text: String, kind: ColumnInfo.Kind) -> Cell {
        switch kind {
        case .date, .dateTime:
            return ISODate.parse(text) ?? .text(text)
        case .decimal where isDecimal(text):
            return .decimal(text)
        default:
            return .text(text)
        }
    }

    /// "-12", "1234.5600": digits with at most one point, an optional sign.
    static func isDecimal(_ text: String) -> Bool {
        var digits = 0, points = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if offset != 0 { return false }
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}

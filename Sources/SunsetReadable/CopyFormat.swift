/// The readable copies Sunset makes of a database.
public enum CopyFormat: String, Codable, CaseIterable, Comparable, Sendable {
    /// One RFC 4180 CSV file per table (UTF-8 with a byte-order mark, CRLF).
    case csv
    /// One SQLite 3 file holding every table.
    case sqlite
    /// One Excel workbook (`.xlsx`), a sheet per table.
    case workbook

    public static func < (lhs: CopyFormat, rhs: CopyFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// A name for people, used in the index.
    public var displayName: String {
        switch self {
        case .csv: return "CSV"
        case .sqlite: return "SQLite"
        case .workbook: return "Workbook"
        }
    }
}

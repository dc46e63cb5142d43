import Foundation

/// One value of a row, typed as the source stores it. Readers turn their format's types into
/// these; the copy writers turn these into CSV text, SQLite values and workbook cells.
public enum Cell: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)
    /// An exact decimal as text ("1234.5600"), e.g. Access currency or dBase numeric.
    case decimal(String)
    case boolean(Bool)
    /// A calendar day (no time of day).
    case date(year: Int, month: Int, day: Int)
    /// A day and a time of day, as the source stores it (no time zone).
    case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double)
    /// Bytes (OLE objects, images, blobs): left out of the copies and named in the index.
    case binary(Data)
}

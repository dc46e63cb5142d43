import Foundation
import SunsetReadable

/// The MSysObjects catalog as `JetWriter` writes it: the columns readers bind by name (Id,
/// Name, Type, Flags, LvProp) and one row per table, whose Id is its definition page.
enum JetCatalog {
    /// Catalog object type of a table.
    static let tableType: Int64 = 1
    /// The flag bits that mark a system table.
    static let systemFlags: Int64 = Int64(Int32(bitPattern: 0x8000_0002))
    /// The Id of Access's "Tables" container, every table's parent.
    static let tablesContainer: Int64 = 0x0F00_0001

    static let columns: [JetColumn] = [
        JetColumn("Id", .int32),
        JetColumn("ParentId", .int32),
        JetColumn("Name", .text()),
        JetColumn("Type", .int16),
        JetColumn("Flags", .int32),
        JetColumn("DateCreate", .dateTime),
        JetColumn("DateUpdate", .dateTime),
        JetColumn("LvProp", .ole),
    ]

    /// The catalog row naming the table whose definition is on page `id`.
    static func row(id: UInt32, name: String, system: Bool, created: Double) -> [Cell] {
        [.integer(Int64(id)), .integer(tablesContainer), .text(name), .integer(tableType),
         .integer(system ? systemFlags : 0), .real(created), .real(created), .null]
    }
}

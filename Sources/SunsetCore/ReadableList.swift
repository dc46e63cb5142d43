import Foundation

/// A table of a database in an offline copy that a product pack's words recognise as a client
/// list or a product list (by the table's name, or by its column names), with what the copy's
/// `sunset-index.json` says of it: how many rows, whether every copy holds them all, and how
/// new the data it was converted from is.
public struct ReadableList: Hashable, Codable, Sendable {
    /// The rule pack whose words recognised it.
    public var product: String
    public var kind: ExportKind
    /// The database's path in the bag (`data/…/Firma.mdb`).
    public var database: String
    /// The companies the index ties the database to.
    public var companies: [String]
    /// The table's name as the database has it.
    public var table: String
    public var rows: Int
    /// True when the database was converted and every row of this table is in every copy (a
    /// gap in another table of the same database does not make this one incomplete).
    public var complete: Bool
    /// The original database's modification time: how new the converted data is.
    public var modified: Date?
    /// Why it is taken for that list ("table name contains 'kunde'").
    public var why: String

    public init(product: String, kind: ExportKind, database: String, companies: [String], table: String, rows: Int,
                complete: Bool, modified: Date?, why: String) {
        self.product = product
        self.kind = kind
        self.database = database
        self.companies = companies
        self.table = table
        self.rows = rows
        self.complete = complete
        self.modified = modified
        self.why = why
    }

    /// The database's file name (the last part of its bag path).
    public var databaseName: String {
        database.split(separator: "/").last.map(String.init) ?? database
    }
}

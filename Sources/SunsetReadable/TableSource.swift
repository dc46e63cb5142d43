/// One table of a legacy database, read row by row: a reader never holds a whole table.
public protocol TableSource {
    /// The table's name as the source writes it.
    var name: String { get }
    var columns: [ColumnInfo] { get }
    /// The number of rows the source itself records (a catalog count, a header field), when
    /// it records one: the copies are checked against it and against the rows actually read.
    var declaredRowCount: Int? { get }
    /// Calls `body` with each row, one cell per column, in the source's order. Stops at the
    /// first error `body` throws; throws `ReadableError` when the source cannot be read further
    /// (the rows given so far stay given).
    func forEachRow(_ body: ([Cell]) throws -> Void) throws
}

/// A legacy database opened for reading.
public protocol DatabaseSource {
    var format: DatabaseFormat { get }
    /// The user tables, in the source's order (system and catalog tables left out).
    func tables() throws -> [TableSource]
}

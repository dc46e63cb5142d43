import Foundation
import SunsetReadable

/// Writes a real Jet 4 (Access 2000–2003) `.mdb` for tests: a header page, the MSysObjects
/// catalog that names the tables, and for each table its definition, usage maps, data pages
/// and long-value pages. Rows stream in: a table of a million rows is never held whole.
///
///     let writer = try JetWriter(url: url)
///     try writer.addTable("Clients", columns: [JetColumn("Nom", .text())], rows: rows)
///     try writer.finish()
public final class JetWriter {
    private let file: JetPageFile
    private let created: Double
    private let inlineMapLimit: Int
    private var tables: [JetTableStream] = []
    private var finished = false

    /// The catalog's definition page is always page 2 (0 is the header, 1 the global map).
    static let catalogPage: UInt32 = 2

    /// Starts a database at `url` (replacing any file there). `created` is the creation date
    /// the header and catalog record, as days since 1899-12-30.
    public convenience init(url: URL, created: Double = 45_292) throws {
        try self.init(url: url, created: created, inlineMapLimit: 2048)
    }

    /// `inlineMapLimit`: the largest type-0 usage bitmap, in bytes (tests lower it to
    /// exercise type-1 maps with small tables).
    init(url: URL, created: Double, inlineMapLimit: Int) throws {
        file = try JetPageFile(url: url)
        self.created = created
        self.inlineMapLimit = inlineMapLimit
        for _ in 0...Self.catalogPage { _ = try file.reserve() }
    }

    /// Writes a table whose rows come from `rows`, one cell per column each.
    public func addTable<Rows: Sequence>(_ name: String, columns: [JetColumn], rows: Rows) throws
        where Rows.Element == [Cell] {
        guard !finished else { throw JetWriterError.badTable("the database is already finished") }
        guard !name.isEmpty, name.count <= 64, !name.hasPrefix("MSys"),
              !tables.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw JetWriterError.badTable("table name '\(name)' is empty, too long, reserved or repeated")
        }
        guard !columns.isEmpty, Set(columns.map { $0.name.lowercased() }).count == columns.count else {
            throw JetWriterError.badTable("table '\(name)' needs columns with distinct names")
        }
        let table = JetTableStream(name: name, columns: columns, definitionPage: try file.reserve(),
                                   isSystem: false, file: file)
        for row in rows { try table.append(row) }
        try table.flush()
        tables.append(table)
    }

    /// Writes the catalog, the maps and the definitions, then closes the file.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        let catalog = JetTableStream(name: "MSysObjects", columns: JetCatalog.columns,
                                     definitionPage: Self.catalogPage, isSystem: true, file: file)
        try catalog.append(JetCatalog.row(id: Self.catalogPage, name: "MSysObjects", system: true, created: created))
        for table in tables {
            try catalog.append(JetCatalog.row(id: table.definitionPage, name: table.name, system: false, created: created))
        }
        try catalog.flush()

        var maps = JetMapPages(file: file)
        for table in tables + [catalog] {
            let used = try maps.place(JetUsageMap.row(for: table.dataPages, file: file, inlineLimit: inlineMapLimit))
            let free = try maps.place(JetUsageMap.row(for: [], file: file, inlineLimit: inlineMapLimit))
            try file.write(table.definition(usedPagesMap: used, freePagesMap: free), at: table.definitionPage)
        }
        try maps.flush()
        try file.write(JetHeaderPage.bytes(created: created), at: 0)
        try file.write(JetDataPage(owner: 0).bytes(), at: 1)
        try file.close()
    }
}

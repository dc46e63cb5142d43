import CMDB
import Foundation

/// One user table of a `JetSource`, read row by row with libmdb's bound columns.
struct JetTable: TableSource {
    let database: JetSource
    let entry: UnsafeMutablePointer<MdbCatalogEntry>
    let name: String
    let columns: [ColumnInfo]
    let declaredRowCount: Int?
    /// Why the definition could not be read, if it could not.
    private let definitionProblem: String?

    init(database: JetSource, entry: UnsafeMutablePointer<MdbCatalogEntry>, name: String) {
        self.database = database
        self.entry = entry
        self.name = name
        if let table = Self.readDefinition(entry) {
            defer { mdb_free_tabledef(table) }
            declaredRowCount = Int(table.pointee.num_rows)
            if mdb_read_columns(table) != nil {
                columns = Self.columnPointers(table).map { JetColumnKind.info(for: $0.pointee) }
                definitionProblem = nil
            } else {
                columns = []
                definitionProblem = "its column definitions cannot be read"
            }
        } else {
            declaredRowCount = nil
            columns = []
            definitionProblem = "its table definition page cannot be read"
        }
    }

    /// The table's definition, or nil when libmdb cannot read it or found no usage map:
    /// libmdb 1.0.0 then keeps an empty map and its row scan reads through a null pointer
    /// (a crash; later versions refuse such a definition themselves).
    static func readDefinition(_ entry: UnsafeMutablePointer<MdbCatalogEntry>) -> UnsafeMutablePointer<MdbTableDef>? {
        guard let table = mdb_read_table(entry) else { return nil }
        guard table.pointee.map_sz >= 1, table.pointee.usage_map != nil else {
            mdb_free_tabledef(table)
            return nil
        }
        return table
    }

    /// The table's columns in order (libmdb sorts them by column number).
    static func columnPointers(_ table: UnsafeMutablePointer<MdbTableDef>) -> [UnsafeMutablePointer<MdbColumn>] {
        guard let array = table.pointee.columns else { return [] }
        return (0..<Int(array.pointee.len)).compactMap {
            array.pointee.pdata[$0]?.assumingMemoryBound(to: MdbColumn.self)
        }
    }

    /// Reads every row. Rows libmdb skips (a damaged page or row) are found by the count:
    /// fewer rows than the definition records throws `.damaged` after the rows read.
    func forEachRow(_ body: ([Cell]) throws -> Void) throws {
        if let definitionProblem { throw ReadableError.damaged(table: name, reason: definitionProblem) }
        guard let table = Self.readDefinition(entry) else {
            throw ReadableError.damaged(table: name, reason: "its table definition page cannot be read")
        }
        defer { mdb_free_tabledef(table) }
        guard mdb_read_columns(table) != nil else {
            throw ReadableError.damaged(table: name, reason: "its column definitions cannot be read")
        }
        let pointers = Self.columnPointers(table)
        let bindSize = JetSource.bindSize
        let buffers = pointers.map { _ in UnsafeMutablePointer<CChar>.allocate(capacity: bindSize) }
        var lengths = [Int32](repeating: 0, count: pointers.count)
        defer { buffers.forEach { $0.deallocate() } }
        try lengths.withUnsafeMutableBufferPointer { lengthPointers in
            for index in pointers.indices {
                buffers[index].initialize(to: 0)
                guard mdb_bind_column(table, Int32(index + 1), buffers[index], lengthPointers.baseAddress! + index) != -1 else {
                    throw ReadableError.damaged(table: name, reason: "column \(index + 1) cannot be bound")
                }
            }
            mdb_rewind_table(table)
            let textColumns = pointers.indices.filter {
                [Int(MDB_TEXT), Int(MDB_MEMO)].contains(Int(pointers[$0].pointee.col_type))
            }
            let decoder = JetCellDecoder(handle: database.handle, table: name, bindSize: bindSize)
            var read = 0
            while mdb_fetch_row(table) != 0 {
                var row: [Cell] = []
                row.reserveCapacity(pointers.count)
                for (index, column) in pointers.enumerated() {
                    row.append(try decoder.cell(column, text: buffers[index]))
                }
                if textColumns.contains(where: { row[$0] == .null }), let present = Self.presentCells(table, database.handle) {
                    for index in textColumns where row[index] == .null && present[index] { row[index] = .text("") }
                }
                read += 1
                try body(row)
            }
            let declared = Int(table.pointee.num_rows)
            if read < declared {
                throw ReadableError.damaged(
                    table: name, reason: "the table records \(declared) rows but only \(read) could be read (a damaged page or row)")
            }
        }
    }

    /// Which cells of the row just fetched are not null, from the row's own null mask:
    /// libmdb binds an empty text and a null alike. Nil when the row cannot be found again.
    static func presentCells(_ table: UnsafeMutablePointer<MdbTableDef>, _ handle: UnsafeMutablePointer<MdbHandle>) -> [Bool]? {
        let row = Int32(table.pointee.cur_row) - 1
        var start: Int32 = 0
        var size = 0
        guard row >= 0, mdb_find_row(handle, row, &start, &size) == 0 else { return nil }
        var fields = [MdbField](repeating: MdbField(), count: Int(table.pointee.num_cols))
        guard mdb_crack_row(table, start & 0x1FFF, size, &fields) >= 0 else { return nil }
        return fields.map { $0.is_null == 0 }
    }
}

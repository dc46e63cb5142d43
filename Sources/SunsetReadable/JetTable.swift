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
        // Only the columns read as text are bound: libmdb formats every bound value as a
        // string (dates through strftime, currency digit by digit), which the numbers, dates
        // and currency read from the row's bytes never need.
        let bound = pointers.map { Self.needsBinding(Int($0.pointee.col_type)) }
        let buffers = bound.map { $0 ? UnsafeMutablePointer<CChar>.allocate(capacity: bindSize) : nil }
        defer { buffers.forEach { $0?.deallocate() } }
        for index in pointers.indices {
            guard let buffer = buffers[index] else { continue }
            buffer.initialize(to: 0)
            guard mdb_bind_column(table, Int32(index + 1), buffer, nil) != -1 else {
                throw ReadableError.damaged(table: name, reason: "column \(index + 1) cannot be bound")
            }
        }
        mdb_rewind_table(table)
        let textColumns = pointers.indices.filter {
            [Int(MDB_TEXT), Int(MDB_MEMO)].contains(Int(pointers[$0].pointee.col_type))
        }
        let columnNumbers = pointers.map { Int($0.pointee.col_num) }
        let decoder = JetCellDecoder(handle: database.handle, table: name, bindSize: bindSize)
        let empty = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        empty.initialize(to: 0)
        defer { empty.deallocate() }
        var read = 0
        var row: [Cell] = []
        row.reserveCapacity(pointers.count)
        while mdb_fetch_row(table) != 0 {
            row.removeAll(keepingCapacity: true)
            for (index, column) in pointers.enumerated() {
                row.append(try decoder.cell(column, text: buffers[index] ?? empty))
            }
            // libmdb binds an empty text and a null alike: the row's own null mask tells them apart.
            for index in textColumns {
                if case .null = row[index], Self.isPresent(column: columnNumbers[index], table, database.handle) { row[index] = .text("") }
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

    /// The column types whose value is read from libmdb's bound string (the others come
    /// from the row's bytes, and an OLE object is followed from its bound header).
    static func needsBinding(_ type: Int) -> Bool {
        [Int(MDB_TEXT), Int(MDB_MEMO), Int(MDB_REPID), Int(MDB_NUMERIC), Int(MDB_OLE)].contains(type)
    }

    /// Whether the column numbered `column` (its number in the row layout) is not null in the
    /// row just fetched, read from the row's null mask: its last bytes, one bit a column, set
    /// when the value is there. A row too short for its mask, or one without that column
    /// (written before the column was added), counts as null.
    static func isPresent(column: Int, _ table: UnsafeMutablePointer<MdbTableDef>, _ handle: UnsafeMutablePointer<MdbHandle>) -> Bool {
        let row = Int32(table.pointee.cur_row) - 1
        var start: Int32 = 0
        var size = 0
        guard row >= 0, column >= 0, mdb_find_row(handle, row, &start, &size) == 0 else { return false }
        let pageSize = Int(handle.pointee.fmt.pointee.pg_size)
        let rowStart = Int(start & 0x1FFF)
        guard size >= 2, rowStart + size <= pageSize, pageSize <= Int(MDB_PGSIZE) else { return false }
        let jet3 = handle.pointee.f.pointee.jet_version == UInt32(MDB_VER_JET3)
        return withUnsafeBytes(of: &handle.pointee.pg_buf) { page -> Bool in
            let columns = jet3 ? Int(page[rowStart]) : Int(page[rowStart]) | Int(page[rowStart + 1]) << 8
            let maskSize = (columns + 7) / 8
            guard column / 8 < maskSize, maskSize < size else { return false }
            let mask = rowStart + size - maskSize
            return page[mask + column / 8] & (1 << (column % 8)) != 0
        }
    }
}

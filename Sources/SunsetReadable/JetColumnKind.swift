import CMDB

/// How each libmdb column type (`MDB_*`) becomes a `ColumnInfo.Kind`, and the name the
/// index shows for it.
enum JetColumnKind {
    static func info(for column: MdbColumn) -> ColumnInfo {
        let (kind, sourceType) = describe(column)
        return ColumnInfo(name: JetSource.string(column.name), kind: kind, sourceType: sourceType)
    }

    static func describe(_ column: MdbColumn) -> (ColumnInfo.Kind, String) {
        switch Int(column.col_type) {
        case Int(MDB_BOOL): return (.boolean, "BOOLEAN")
        case Int(MDB_BYTE): return (.integer, "BYTE")
        case Int(MDB_INT): return (.integer, "INTEGER")
        case Int(MDB_LONGINT): return (.integer, "LONG INTEGER")
        case Int(MDB_MONEY): return (.decimal, "CURRENCY")
        case Int(MDB_FLOAT): return (.real, "SINGLE")
        case Int(MDB_DOUBLE): return (.real, "DOUBLE")
        case Int(MDB_DATETIME): return (.dateTime, "DATETIME")
        case Int(MDB_BINARY): return (.binary, "BINARY(\(column.col_size))")
        case Int(MDB_TEXT): return (.text, "TEXT(\(column.col_size / 2))")
        case Int(MDB_OLE): return (.binary, "OLE")
        case Int(MDB_MEMO): return (.text, "MEMO")
        case Int(MDB_REPID): return (.text, "GUID")
        case Int(MDB_NUMERIC): return (.decimal, "NUMERIC(\(column.col_prec),\(column.col_scale))")
        case Int(MDB_COMPLEX): return (.unsupported, "COMPLEX")
        default: return (.unsupported, String(format: "TYPE 0x%02X", Int(column.col_type)))
        }
    }
}

import Foundation
import SunsetCore

/// The client and product lists among an offline copy's readable tables: a table whose name
/// holds one of a pack's table words is that list; a table whose name holds none is taken by
/// its column names, when some column holds a word of one list and none a word of the other
/// (an invoice-lines table names both a client and a product, and is neither).
extension OfflineCopyFinder {
    /// Sets `lists` on every copy whose index lists databases, for every pack.
    static func recogniseLists(_ copies: inout [OfflineCopy], signatures: [ProductSignatures]) {
        for index in copies.indices {
            guard let databases = copies[index].databases, !databases.isEmpty else { continue }
            var lists: [ReadableList] = []
            for pack in signatures {
                let words = [
                    (ExportKind.clients, WordList(pack.clientTableWords.isEmpty ? pack.clientListWords : pack.clientTableWords,
                                                  anchor: .wordStart)),
                    (ExportKind.products, WordList(pack.productTableWords.isEmpty ? pack.productListWords : pack.productTableWords,
                                                   anchor: .wordStart)),
                ]
                for database in databases where belongs(database, to: pack.product, copy: copies[index]) {
                    for table in database.tables {
                        guard let (kind, why) = recognise(table, words: words) else { continue }
                        lists.append(ReadableList(
                            product: pack.product, kind: kind, database: database.payload, companies: database.companies,
                            table: table.name, rows: table.rows,
                            complete: database.status == .converted && table.complete,
                            modified: database.modified.map { Date(timeIntervalSince1970: TimeInterval($0)) }, why: why))
                    }
                }
            }
            copies[index].lists = lists.isEmpty ? nil : lists
        }
    }

    /// A database belongs to the pack it names; one that names no pack, to those the bag names.
    private static func belongs(_ database: ReadableIndex.Database, to product: String, copy: OfflineCopy) -> Bool {
        database.products.isEmpty ? copy.products.contains(product) : database.products.contains(product)
    }

    /// Which list a table is, and why; nil when it is neither or both.
    static func recognise(_ table: ReadableIndex.Table, words: [(ExportKind, WordList)]) -> (ExportKind, String)? {
        let name = FoldedName(table.name)
        let byName = words.compactMap { kind, list in list.first(in: name).map { (kind, "table name contains '\($0)'") } }
        if byName.count == 1 { return byName[0] }
        guard byName.isEmpty else { return nil }
        let columns = table.columns.map { ($0, FoldedName($0)) }
        let byColumns = words.compactMap { kind, list -> (ExportKind, String)? in
            guard let (column, folded) = columns.first(where: { list.first(in: $0.1) != nil }) else { return nil }
            return (kind, "column '\(column)' contains '\(list.first(in: folded)!)'")
        }
        return byColumns.count == 1 ? byColumns[0] : nil
    }
}

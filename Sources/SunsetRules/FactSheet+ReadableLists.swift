import Foundation
import SunsetCore

/// The readable-table facts of a company: a table of one of its databases, in a verified offline
/// copy made by `sunset rescue`, that the pack's words recognise as its client or product list.
/// Such a table stands for the export step when it is complete (every row in every copy, read
/// back) and was converted from data as new as the company's last change.
extension FactSheet {
    /// For `client` and `product`: `company.<list>-table-fresh` always; then, for the table
    /// shown (one that ticks the step, else the newest other one), its name, rows, database,
    /// the database's day, the copy's folder, and whether it is older than the data or incomplete.
    func readableListFacts(_ company: Company, lastChange: CalendarDay?) -> [String: FactValue] {
        let found = (inventory.offlineCopies ?? []).filter(\.verified).flatMap { copy in
            (copy.lists ?? []).filter { $0.product == company.product && $0.companies.contains(company.name) }.map { (copy, $0) }
        }
        let asNew = { (list: ReadableList) -> Bool in
            guard let lastChange else { return true }
            return list.modified.map { Self.day($0) >= lastChange } ?? false
        }
        // Newest data first, then most rows, then by name: the same tables give the same facts.
        let order = { (lhs: (OfflineCopy, ReadableList), rhs: (OfflineCopy, ReadableList)) -> Bool in
            let (left, right) = (lhs.1, rhs.1)
            let (leftDay, rightDay) = (left.modified ?? .distantPast, right.modified ?? .distantPast)
            if leftDay != rightDay { return leftDay > rightDay }
            if left.rows != right.rows { return left.rows > right.rows }
            return (left.table, left.database, lhs.0.location) < (right.table, right.database, rhs.0.location)
        }
        var values: [String: FactValue] = [:]
        for kind in ExportKind.allCases {
            let name = kind == .clients ? "client" : "product"
            let mine = found.filter { $0.1.kind == kind }
            let ticking = mine.filter { $0.1.complete && asNew($0.1) }
            values["company.\(name)-table-fresh"] = .flag(!ticking.isEmpty)
            guard let (copy, list) = ticking.sorted(by: order).first ?? mine.sorted(by: order).first else { continue }
            values["company.\(name)-table"] = .text(list.table)
            values["company.\(name)-table-rows"] = .number(list.rows)
            values["company.\(name)-table-database"] = .text(list.databaseName)
            if let modified = list.modified { values["company.\(name)-table-date"] = .date(Self.day(modified)) }
            values["company.\(name)-table-place"] = .text(absolutePath(copy.location))
            values["company.\(name)-table-older"] = .flag(!asNew(list))
            values["company.\(name)-table-incomplete"] = .flag(!list.complete)
        }
        return values
    }
}

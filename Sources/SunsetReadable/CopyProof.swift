import Foundation

/// Reads every copy of a table back and compares the counts: rows read from the source, the
/// count the source declares, and each copy's rows. Every difference becomes a gap.
struct CopyProof {
    let folder: OutputFolder

    init(folder: OutputFolder) { self.folder = folder }

    func check(_ table: inout ConversionReport.Table) {
        var tables = [table]
        check(&tables)
        table = tables[0]
    }

    /// Checks every table's copies: each format's copies are read back on a thread of their
    /// own (the three formats at once), then the counts are compared table by table.
    func check(_ tables: inout [ConversionReport.Table]) {
        let kept = tables.map { TablePlan(name: $0.name, columns: $0.columns).kept.count }
        var places: [CopyFormat: [(table: Int, copy: Int)]] = [:]
        for (tableIndex, table) in tables.enumerated() {
            for copyIndex in table.copies.indices { places[table.copies[copyIndex].format, default: []].append((tableIndex, copyIndex)) }
        }
        let groups = CopyFormat.allCases.compactMap { places[$0] }
        let results = ReadBacks(groups.map { Array(repeating: nil, count: $0.count) })
        let snapshot = tables
        let files = groups.map { $0.map { folder.file(tables[$0.table].copies[$0.copy].file) } }
        DispatchQueue.concurrentPerform(iterations: groups.count) { group in
            let workbooks = WorkbookCache()
            for (slot, spot) in groups[group].enumerated() {
                let table = snapshot[spot.table], copy = table.copies[spot.copy]
                var found: [ConversionReport.Gap] = []
                let result: Result<Int, Error> = Result {
                    try Self.count(copy, at: files[group][slot], table: table.name, columns: kept[spot.table], gaps: &found,
                                   workbooks: workbooks)
                }
                results.set(group, slot, (result, found))
            }
        }
        for (group, members) in groups.enumerated() {
            for (slot, spot) in members.enumerated() {
                guard let (result, found) = results.get(group, slot) else { continue }
                let copy = tables[spot.table].copies[spot.copy]
                switch result {
                case let .success(rows):
                    tables[spot.table].copies[spot.copy].rowsReadBack = rows
                    tables[spot.table].gaps += found
                case let .failure(error):
                    tables[spot.table].copies[spot.copy].rowsReadBack = nil
                    tables[spot.table].gaps.append(
                        .init(.unreadableCopy, "\(copy.format.displayName) \(place(copy)) could not be read back: \(error)"))
                }
            }
        }
        for index in tables.indices { compare(&tables[index]) }
    }

    /// The counts against each other: declared, read, and each format's copies.
    private func compare(_ table: inout ConversionReport.Table) {
        if let declared = table.declaredRows, declared != table.rowsRead {
            table.gaps.append(.init(.countMismatch, "the source declares \(declared) rows; \(table.rowsRead) were read"))
        }
        for format in Set(table.copies.map(\.format)) {
            let parts = table.copies.filter { $0.format == format }
            let counts = parts.compactMap(\.rowsReadBack)
            guard counts.count == parts.count else { continue }   // already a gap: unreadable
            let total = counts.reduce(0, +)
            if total != table.rowsRead {
                table.gaps.append(.init(.countMismatch, "\(format.displayName) copy holds \(total) rows; \(table.rowsRead) were read"))
            }
        }
    }

    private static func count(_ copy: ConversionReport.Copy, at url: URL, table: String, columns: Int,
                              gaps: inout [ConversionReport.Gap], workbooks: WorkbookCache) throws -> Int {
        switch copy.format {
        case .csv:
            let read = try CopyReader.csvRows(url, columns: columns)
            if read.misshapen > 0 {
                gaps.append(.init(.countMismatch, "CSV \(copy.file): \(read.misshapen) records with other than \(columns) fields"))
            }
            return read.rows
        case .sqlite:
            return try CopyReader.sqliteRows(url, table: copy.part ?? table)
        case .workbook:
            let reader = try workbooks.reader(url)
            guard let sheet = copy.part, let part = reader.sheets.first(where: { $0.name == sheet })?.part else {
                throw WorkbookReader.Unreadable(description: "no sheet '\(copy.part ?? "")'")
            }
            return max(try reader.rowCount(part: part) - 1, 0)   // the header row
        }
    }

    private func place(_ copy: ConversionReport.Copy) -> String {
        copy.part.map { "\(copy.file) '\($0)'" } ?? copy.file
    }
}

/// What the read-back threads found, each in its own slot.
private final class ReadBacks: @unchecked Sendable {
    private var slots: [[(Result<Int, Error>, [ConversionReport.Gap])?]]
    private let lock = NSLock()

    init(_ slots: [[(Result<Int, Error>, [ConversionReport.Gap])?]]) { self.slots = slots }

    func set(_ group: Int, _ slot: Int, _ value: (Result<Int, Error>, [ConversionReport.Gap])) {
        lock.lock()
        defer { lock.unlock() }
        slots[group][slot] = value
    }

    func get(_ group: Int, _ slot: Int) -> (Result<Int, Error>, [ConversionReport.Gap])? {
        lock.lock()
        defer { lock.unlock() }
        return slots[group][slot]
    }
}

/// A workbook opened once for all its sheets.
private final class WorkbookCache {
    private var readers: [URL: WorkbookReader] = [:]

    func reader(_ url: URL) throws -> WorkbookReader {
        if let reader = readers[url] { return reader }
        let reader = try WorkbookReader(url: url)
        readers[url] = reader
        return reader
    }
}

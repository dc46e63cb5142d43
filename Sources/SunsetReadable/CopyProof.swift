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
        let reading = start(tables, formats: Set(CopyFormat.allCases))
        finish([reading], into: &tables)
    }

    /// Read-backs under way, one thread a format; `finish` waits for them.
    final class Reading: @unchecked Sendable {
        fileprivate let group = DispatchGroup()
        fileprivate var found: [(table: Int, copy: Int, result: Result<Int, Error>, gaps: [ConversionReport.Gap])] = []
        fileprivate let lock = NSLock()

        fileprivate func add(_ entry: (table: Int, copy: Int, result: Result<Int, Error>, gaps: [ConversionReport.Gap])) {
            lock.lock()
            found.append(entry)
            lock.unlock()
        }
    }

    /// Starts reading back the copies of `formats` (their files complete), each format on a
    /// thread of its own, while the caller goes on (finishing the other copies).
    func start(_ tables: [ConversionReport.Table], formats: Set<CopyFormat>) -> Reading {
        let reading = Reading()
        let kept = tables.map { TablePlan(name: $0.name, columns: $0.columns).kept.count }
        for format in CopyFormat.allCases where formats.contains(format) {
            var work: [(table: Int, copy: Int, url: URL)] = []
            for (tableIndex, table) in tables.enumerated() {
                for (copyIndex, copy) in table.copies.enumerated() where copy.format == format {
                    work.append((tableIndex, copyIndex, folder.file(copy.file)))
                }
            }
            guard !work.isEmpty else { continue }
            let items = work
            DispatchQueue.global().async(group: reading.group) {
                let workbooks = WorkbookCache()
                for item in items {
                    let table = tables[item.table]
                    var found: [ConversionReport.Gap] = []
                    let result = Result<Int, Error> {
                        try Self.count(table.copies[item.copy], at: item.url, table: table.name, columns: kept[item.table],
                                       gaps: &found, workbooks: workbooks)
                    }
                    reading.add((item.table, item.copy, result, found))
                }
            }
        }
        return reading
    }

    /// Waits for the read-backs, records each copy's rows (or why it could not be read) and
    /// compares the counts.
    func finish(_ readings: [Reading], into tables: inout [ConversionReport.Table]) {
        var found: [(table: Int, copy: Int, result: Result<Int, Error>, gaps: [ConversionReport.Gap])] = []
        for reading in readings {
            reading.group.wait()
            found += reading.found
        }
        // In the copies' order, whichever thread ended first.
        found.sort { ($0.table, $0.copy) < ($1.table, $1.copy) }
        for entry in found {
            let copy = tables[entry.table].copies[entry.copy]
            switch entry.result {
            case let .success(rows):
                tables[entry.table].copies[entry.copy].rowsReadBack = rows
                tables[entry.table].gaps += entry.gaps
            case let .failure(error):
                tables[entry.table].copies[entry.copy].rowsReadBack = nil
                tables[entry.table].gaps.append(
                    .init(.unreadableCopy, "\(copy.format.displayName) \(place(copy)) could not be read back: \(error)"))
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

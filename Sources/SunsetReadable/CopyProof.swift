import Foundation

/// Reads every copy of a table back and compares the counts: rows read from the source, the
/// count the source declares, and each copy's rows. Every difference becomes a gap.
struct CopyProof {
    let folder: OutputFolder
    private let workbooks = WorkbookCache()

    init(folder: OutputFolder) { self.folder = folder }

    func check(_ table: inout ConversionReport.Table) {
        let kept = TablePlan(name: table.name, columns: table.columns).kept.count
        for index in table.copies.indices {
            let copy = table.copies[index]
            do {
                var found: [ConversionReport.Gap] = []
                table.copies[index].rowsReadBack = try count(copy, table: table.name, columns: kept, gaps: &found)
                table.gaps += found
            } catch {
                table.copies[index].rowsReadBack = nil
                table.gaps.append(.init(.unreadableCopy, "\(copy.format.displayName) \(place(copy)) could not be read back: \(error)"))
            }
        }
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

    private func count(_ copy: ConversionReport.Copy, table: String, columns: Int,
                       gaps: inout [ConversionReport.Gap]) throws -> Int {
        let url = folder.file(copy.file)
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

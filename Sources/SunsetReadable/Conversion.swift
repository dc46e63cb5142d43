import Foundation

/// Makes the readable copies of one database and proves them: each table is read once and
/// streamed into every copy; then each copy is read back on its own and its rows counted
/// against the rows read and the count the source declares. What differs is a gap in the report.
public enum Conversion {
    /// Converts `source` (found at `sourcePath`, named so in the report) into `folder`.
    /// Refuses a folder holding files Sunset did not write; never replaces one. A table that
    /// cannot be read, or stops part way, is a gap and the other tables are still copied;
    /// a copy that cannot be written throws.
    public static func convert(_ source: DatabaseSource, sourcePath: String, to folder: URL,
                               formats: Set<CopyFormat>) throws -> ConversionReport {
        try convert(source, sourcePath: sourcePath, to: folder, formats: formats, sheetRowLimit: 1_048_576)
    }

    /// A writer's failure, told apart from the source's as it passes through `forEachRow`.
    private struct WriteFailure: Error {
        let error: Error
    }

    /// `sheetRowLimit` is Excel's, smaller only in tests.
    static func convert(_ source: DatabaseSource, sourcePath: String, to folder: URL, formats: Set<CopyFormat>,
                        sheetRowLimit: Int) throws -> ConversionReport {
        let output = try OutputFolder(folder)
        var report = ConversionReport(sourcePath: sourcePath, format: source.format, formats: formats.sorted(),
                                      files: [], tables: [], gaps: [])
        let tables: [TableSource]
        do { tables = try source.tables() } catch {
            report.gaps.append(.init(.unreadableTable, "the list of tables could not be read: \(error.localizedDescription)"))
            return report
        }
        let writers = try makeWriters(formats: formats, output: output, sourcePath: sourcePath, sheetRowLimit: sheetRowLimit)
        for table in tables {
            report.tables.append(try copy(table, into: writers))
        }
        for writer in writers { try writer.finish() }
        CopyProof(folder: output).check(&report.tables)
        report.files = Array(Set(report.tables.flatMap { $0.copies.map(\.file) } + writers.compactMap { $0.databaseFile }))
        report.sort()
        return report
    }

    /// The writers asked for, in `CopyFormat` order; the database's own files named after it.
    private static func makeWriters(formats: Set<CopyFormat>, output: OutputFolder, sourcePath: String,
                                    sheetRowLimit: Int) throws -> [CopyWriter] {
        let stem = ((sourcePath as NSString).lastPathComponent as NSString).deletingPathExtension
        var names = SafeNames(reserved: [OutputFolder.record])
        let sqliteName = names.fileName(for: stem.isEmpty ? "database" : stem, suffix: ".sqlite")
        let workbookName = names.fileName(for: stem.isEmpty ? "database" : stem, suffix: ".xlsx")
        return try formats.sorted().map { format -> CopyWriter in
            switch format {
            case .csv: return CSVCopy(folder: output, reserved: [sqliteName, workbookName])
            case .sqlite: return try SQLiteCopy(folder: output, fileName: sqliteName)
            case .workbook: return try WorkbookCopy(folder: output, fileName: workbookName, rowLimit: sheetRowLimit)
            }
        }
    }

    /// Streams one table into every writer; a source that fails is a gap, a writer that fails throws.
    private static func copy(_ table: TableSource, into writers: [CopyWriter]) throws -> ConversionReport.Table {
        let plan = TablePlan(name: table.name, columns: table.columns)
        var record = ConversionReport.Table(
            name: table.name, columns: table.columns, rowsRead: 0, declaredRows: table.declaredRowCount, copies: [],
            leftOutColumns: table.columns.filter { $0.kind == .binary || $0.kind == .unsupported }.map(\.name),
            renamed: [], gaps: [])
        for column in table.columns where column.kind == .unsupported {
            record.gaps.append(.init(.unsupportedColumn, "column '\(column.name)' (\(column.sourceType)) cannot be decoded: left out"))
        }
        for writer in writers { try writer.begin(plan) }
        var rows = 0
        do {
            try table.forEachRow { row in
                guard row.count == plan.columns.count else {
                    throw ReadableError.damaged(table: table.name, reason: "a row of \(row.count) values for \(plan.columns.count) columns")
                }
                do { for writer in writers { try writer.write(row) } } catch { throw WriteFailure(error: error) }
                rows += 1
            }
        } catch let failure as WriteFailure {
            throw failure.error
        } catch {
            let kind: ConversionReport.Gap.Kind = rows == 0 ? .unreadableTable : .sourceStoppedEarly
            record.gaps.append(.init(kind, "reading stopped after \(rows) row\(rows == 1 ? "" : "s"): \(error.localizedDescription)"))
        }
        record.rowsRead = rows
        for writer in writers {
            let made = try writer.end()
            record.copies += made.copies
            record.renamed += made.renamed
            record.gaps += made.gaps
        }
        return record
    }
}

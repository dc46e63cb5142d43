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
        // The CSV and SQLite copies are read back while the workbook is still being zipped.
        let proof = CopyProof(folder: output)
        let early = writers.filter { $0.format != .workbook }, late = writers.filter { $0.format == .workbook }
        for writer in early { try writer.finish() }
        let first = proof.start(report.tables, formats: Set(early.map(\.format)))
        do {
            for writer in late { try writer.finish() }
        } catch {
            proof.finish([first], into: &report.tables)   // no thread left reading
            throw error
        }
        let second = proof.start(report.tables, formats: Set(late.map(\.format)))
        proof.finish([first, second], into: &report.tables)
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
        // The workbook, which costs as much as the rest together (libxlsxwriter prints each
        // number), is written on a thread of its own; the CSV and SQLite copies are written
        // on this one as the source is read. Batches of rows pass to the workbook's thread,
        // at most a few held at a time.
        let inline = writers.filter { $0.format != .workbook }
        let pipe = RowPipe()
        let writing = DispatchGroup()
        let shared = SharedWriters(writers.filter { $0.format == .workbook })
        DispatchQueue.global().async(group: writing) {
            while let batch = pipe.take() {
                do { for row in batch { for writer in shared.writers { try writer.write(row) } } } catch { pipe.fail(error) }
            }
        }
        var rows = 0
        var batch: [[Cell]] = []
        batch.reserveCapacity(RowPipe.batchSize)
        var batchBytes = 0
        var sourceError: Error?
        do {
            try table.forEachRow { row in
                guard row.count == plan.columns.count else {
                    throw ReadableError.damaged(table: table.name, reason: "a row of \(row.count) values for \(plan.columns.count) columns")
                }
                do { for writer in inline { try writer.write(row) } } catch { throw WriteFailure(error: error) }
                batch.append(row)
                rows += 1
                for cell in row { batchBytes += cell.heldBytes }
                if batch.count == RowPipe.batchSize || batchBytes >= RowPipe.batchBytes {
                    if let failure = pipe.put(batch) { throw WriteFailure(error: failure) }
                    batch.removeAll(keepingCapacity: true)
                    batchBytes = 0
                }
            }
        } catch let failure as WriteFailure {
            pipe.close()
            writing.wait()
            throw failure.error
        } catch {
            sourceError = error
        }
        // What was read before the end (or the source's failure) is written all the same.
        let last = batch.isEmpty ? nil : pipe.put(batch)
        pipe.close()
        writing.wait()
        if let failure = last ?? pipe.failure { throw failure }
        if let sourceError {
            let kind: ConversionReport.Gap.Kind = rows == 0 ? .unreadableTable : .sourceStoppedEarly
            record.gaps.append(.init(kind, "reading stopped after \(rows) row\(rows == 1 ? "" : "s"): \(sourceError.localizedDescription)"))
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

extension Cell {
    /// The bytes a cell holds beyond its own size (texts and bytes), roughly.
    var heldBytes: Int {
        switch self {
        case let .text(text), let .decimal(text): return text.utf8.count
        case let .binary(data): return data.count
        default: return 0
        }
    }
}

/// The copy writers of one conversion, handed to the writing thread; only one thread uses
/// them at a time (the pipe's hand-over orders the two).
private final class SharedWriters: @unchecked Sendable {
    let writers: [CopyWriter]

    init(_ writers: [CopyWriter]) { self.writers = writers }
}

/// Batches of rows from the reading thread to the writing one, at most `capacity` waiting
/// (so memory stays bounded whatever the table's size), and the first write failure back.
private final class RowPipe: @unchecked Sendable {
    static let batchSize = 512
    /// A batch holding long texts or bytes goes sooner: memos of a megabyte stay few in memory.
    static let batchBytes = 1 << 22
    private static let capacity = 4
    private let condition = NSCondition()
    private var waiting: [[[Cell]]] = []
    private var closed = false
    private var firstFailure: Error?

    /// Hands a batch over, waiting while the pipe is full; the writer's failure, if it failed.
    func put(_ batch: [[Cell]]) -> Error? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.capacity && firstFailure == nil { condition.wait() }
        if let firstFailure { return firstFailure }
        waiting.append(batch)
        condition.broadcast()
        return nil
    }

    /// The next batch, waiting for one; nil when the pipe is closed and empty.
    func take() -> [[Cell]]? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !closed { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }

    /// No more batches.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The writer failed: later batches are dropped and `put` says so.
    func fail(_ error: Error) {
        condition.lock()
        if firstFailure == nil { firstFailure = error }
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    var failure: Error? {
        condition.lock()
        defer { condition.unlock() }
        return firstFailure
    }
}

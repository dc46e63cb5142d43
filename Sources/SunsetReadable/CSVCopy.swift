import Foundation

/// The CSV copy: one file per table, RFC 4180 (CRLF line ends; a field holding a comma, a
/// quote, CR or LF is quoted, its quotes doubled), UTF-8 with a byte-order mark because Excel
/// reads UTF-8 CSV as such only with one. A header row of the original column names; dates in
/// ISO 8601, a decimal point, `true`/`false`, an empty field for a null (`""` for an empty
/// text); bytes left out.
final class CSVCopy: CopyWriter {
    let format = CopyFormat.csv
    let databaseFile: String? = nil
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private let folder: OutputFolder
    private var names: SafeNames
    private var table: TablePlan?
    private var fileName = ""
    private var temporary: URL?
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private var rows = 0
    private var leftOut = ValueTally()

    /// `reserved`: names the other copies use in the same folder.
    init(folder: OutputFolder, reserved: [String]) {
        self.folder = folder
        names = SafeNames(reserved: reserved + [OutputFolder.record])
    }

    func begin(_ table: TablePlan) throws {
        self.table = table
        fileName = names.fileName(for: table.name, suffix: ".csv")
        let temporary = try folder.temporary(for: fileName)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw ReadableError.cannotWrite(path: temporary.path, reason: "cannot create the file")
        }
        self.temporary = temporary
        self.handle = handle
        rows = 0
        leftOut = ValueTally()
        buffer = Self.byteOrderMark
        append(table.keptColumns.map(\.name))
    }

    func write(_ row: [Cell]) throws {
        guard let table else { return }
        for (position, index) in table.kept.enumerated() {
            if position > 0 { buffer.append(UInt8(ascii: ",")) }
            append(row[index], column: index)
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
        rows += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// One field, as `Cell.plainText` says, written straight into the buffer.
    private func append(_ cell: Cell, column: Int) {
        switch cell {
        case .null: return
        case .binary: leftOut.add(table?.columns[column].name ?? "")
        case let .text(text), let .decimal(text): append(text)
        case let .integer(number):
            ISODate.pad(Int(number), 1, &buffer)
        case let .boolean(value): buffer.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case let .date(year, month, day): ISODate.append(year: year, month: month, day: day, to: &buffer)
        case let .dateTime(year, month, day, hour, minute, second):
            ISODate.append(year: year, month: month, day: day, hour: hour, minute: minute, second: second, to: &buffer)
        case .real: append(cell.plainText ?? "")
        }
    }

    func end() throws -> TableCopyResult {
        guard let table, let temporary, let handle else { return TableCopyResult() }
        try flush()
        do { try handle.close() } catch {
            throw ReadableError.cannotWrite(path: temporary.path, reason: error.localizedDescription)
        }
        try folder.place(temporary, as: fileName)
        self.table = nil
        self.handle = nil
        var result = TableCopyResult()
        result.copies = [ConversionReport.Copy(format: .csv, file: fileName, part: nil, rowsWritten: rows, rowsReadBack: nil)]
        if fileName != table.name + ".csv" {
            result.renamed = [ConversionReport.Renaming(format: .csv, original: table.name, safe: fileName)]
        }
        result.gaps = leftOut.gaps(.leftOutValue, format: .csv, what: "held bytes: left empty")
        return result
    }

    func finish() throws {}

    // MARK: - Writing

    /// One record: fields joined by commas, ended by CRLF.
    private func append(_ fields: [String?]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            if let field { append(field) }
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    /// One text field, quoted when it holds a comma, a quote, CR or LF (its quotes doubled).
    /// An empty text is `""`, a null nothing at all: a reader can tell them apart.
    private func append(_ field: String) {
        var field = field
        field.withUTF8 { bytes in
            if bytes.isEmpty || bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) {
                buffer.append(0x22)
                for byte in bytes {
                    buffer.append(byte)
                    if byte == 0x22 { buffer.append(0x22) }
                }
                buffer.append(0x22)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }
    }

    private func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ReadableError.cannotWrite(path: temporary?.path ?? fileName, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

import CXLSX
import Foundation

/// The workbook copy: one `.xlsx` written by libxlsxwriter in its constant-memory mode (each
/// row goes to a temporary file as soon as the next begins), a sheet per table. The header row
/// is bold and frozen; dates are real dates with a date format; numbers are numbers (an integer
/// or decimal of more than 15 digits, which Excel would round, stays text); booleans are
/// TRUE/FALSE; a CRLF line break in a text becomes LF, Excel's own in-cell line break (a CR
/// would be stored escaped as "_x000D_"). Excel's limits are kept and recorded: a text cut at 32,767 characters is a gap,
/// and a table past 1,048,576 rows goes on in a second sheet ("Orders (2)").
final class WorkbookCopy: CopyWriter {
    let format = CopyFormat.workbook
    let fileName: String
    var databaseFile: String? { fileName }
    /// Excel's characters per cell.
    static let textLimit = 32_767

    private let folder: OutputFolder
    private let temporary: URL
    private let rowLimit: Int
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var sheet: UnsafeMutablePointer<lxw_worksheet>?
    private let headerFormat, dateFormat, dateTimeFormat, blankFormat: UnsafeMutablePointer<lxw_format>?
    private var names = SafeNames()
    private var table: TablePlan?
    private var result = TableCopyResult()
    private var sheetRow = 0
    private var sheetRows = 0
    private var cut = ValueTally()
    private var leftOut = ValueTally()

    /// `rowLimit`: rows per sheet, header included (Excel's 1,048,576; smaller in tests).
    init(folder: OutputFolder, fileName: String, rowLimit: Int = 1_048_576) throws {
        self.folder = folder
        self.fileName = fileName
        self.rowLimit = max(2, min(rowLimit, 1_048_576))
        temporary = try folder.temporary(for: fileName)
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
        guard let workbook = workbook_new_opt(temporary.path, &options) else {
            throw ReadableError.cannotWrite(path: temporary.path, reason: "libxlsxwriter cannot start a workbook")
        }
        self.workbook = workbook
        headerFormat = workbook_add_format(workbook)
        format_set_bold(headerFormat)
        dateFormat = workbook_add_format(workbook)
        format_set_num_format(dateFormat, "yyyy-mm-dd")
        dateTimeFormat = workbook_add_format(workbook)
        format_set_num_format(dateTimeFormat, "yyyy-mm-dd hh:mm:ss")
        blankFormat = workbook_add_format(workbook)
    }

    deinit {
        // A workbook never finished (an error part way) is closed so its temporary files go.
        if let workbook { workbook_close(workbook) }
    }

    func begin(_ table: TablePlan) throws {
        self.table = table
        result = TableCopyResult()
        cut = ValueTally()
        leftOut = ValueTally()
        try startSheet(part: 1)
    }

    /// A new sheet for the table, its header row written and frozen.
    private func startSheet(part: Int) throws {
        guard let table, let workbook else { return }
        let name = names.sheetName(for: table.name, suffix: part == 1 ? "" : " (\(part))")
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw ReadableError.cannotWrite(path: fileName, reason: "libxlsxwriter refused the sheet name '\(name)'")
        }
        self.sheet = sheet
        worksheet_freeze_panes(sheet, 1, 0)
        for (column, info) in table.keptColumns.enumerated() {
            try check(worksheet_write_string(sheet, 0, lxw_col_t(column), clipped(info.name, column: nil), headerFormat))
        }
        sheetRow = 1
        sheetRows = 0
        result.copies.append(ConversionReport.Copy(format: .workbook, file: fileName, part: name, rowsWritten: 0, rowsReadBack: nil))
        if name != table.name {
            result.renamed.append(ConversionReport.Renaming(format: .workbook, original: table.name, safe: name))
        }
    }

    func write(_ row: [Cell]) throws {
        guard let table else { return }
        if sheetRow >= rowLimit { try startSheet(part: result.copies.count + 1) }
        guard let sheet else { return }
        let line = lxw_row_t(sheetRow)
        var written = false
        for (position, index) in table.kept.enumerated() {
            written = try put(row[index], sheet, line, lxw_col_t(position), column: table.columns[index].name) || written
        }
        // A row of nulls still gets its row element, so that reading back counts it.
        if !written { try check(worksheet_write_blank(sheet, line, 0, blankFormat)) }
        sheetRow += 1
        sheetRows += 1
        result.copies[result.copies.count - 1].rowsWritten = sheetRows
    }

    /// Writes one cell; false when there was nothing to write (a null).
    private func put(_ cell: Cell, _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t, _ col: lxw_col_t,
                     column: String) throws -> Bool {
        switch cell {
        case .null:
            return false
        case .binary:
            leftOut.add(column)
            return false
        case let .text(text):
            let lines = Self.holdsCRLF(text) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
            try check(worksheet_write_string(sheet, row, col, clipped(lines, column: column), nil))
        case let .integer(number) where number.magnitude < 1_000_000_000_000_000:
            try check(worksheet_write_number(sheet, row, col, Double(number), nil))
        case let .real(number) where number.isFinite:
            try check(worksheet_write_number(sheet, row, col, number, nil))
        case let .decimal(text) where Self.digits(text) <= 15:
            if let number = Double(text) {
                try check(worksheet_write_number(sheet, row, col, number, nil))
            } else {
                try check(worksheet_write_string(sheet, row, col, clipped(text, column: column), nil))
            }
        case let .boolean(value):
            try check(worksheet_write_boolean(sheet, row, col, value ? 1 : 0, nil))
        case let .date(year, month, day) where (1900...9999).contains(year):
            var moment = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
            try check(worksheet_write_datetime(sheet, row, col, &moment, dateFormat))
        case let .dateTime(year, month, day, hour, minute, second) where (1900...9999).contains(year):
            var moment = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day),
                                      hour: Int32(hour), min: Int32(minute), sec: second)
            try check(worksheet_write_datetime(sheet, row, col, &moment, dateTimeFormat))
        default:
            // Numbers Excel would round, infinities, dates before 1900: as their text.
            try check(worksheet_write_string(sheet, row, col, clipped(cell.plainText ?? "", column: column), nil))
        }
        return true
    }

    /// Whether a text holds a CR LF pair (a byte scan: no characters are formed).
    static func holdsCRLF(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, var at = memchr(base, 0x0D, bytes.count) else { return false }
            while true {
                let offset = base.distance(to: at.assumingMemoryBound(to: UInt8.self))
                if offset + 1 < bytes.count && bytes[offset + 1] == 0x0A { return true }
                guard offset + 1 < bytes.count, let next = memchr(base + offset + 1, 0x0D, bytes.count - offset - 1) else { return false }
                at = next
            }
        }
    }

    /// The decimal digits of a number's text (ASCII digits: a decimal cell holds no others).
    static func digits(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte >= 0x30 && byte <= 0x39 { count += 1 }
        return count
    }

    /// A text cut to Excel's 32,767 characters (counted as Excel does, in UTF-16 units).
    private func clipped(_ text: String, column: String?) -> String {
        // A text of no more UTF-8 bytes than the limit has no more UTF-16 units either.
        guard text.utf8.count > Self.textLimit, text.utf16.count > Self.textLimit else { return text }
        if let column { cut.add(column) }
        var kept = String.UnicodeScalarView()
        var units = 0
        for scalar in text.unicodeScalars {
            units += scalar.utf16.count
            if units > Self.textLimit { break }
            kept.append(scalar)
        }
        return String(kept)
    }

    private func check(_ status: lxw_error) throws {
        guard status != LXW_NO_ERROR else { return }
        throw ReadableError.cannotWrite(path: fileName, reason: "table '\(table?.name ?? "")': " + String(cString: lxw_strerror(status)))
    }

    func end() throws -> TableCopyResult {
        guard table != nil else { return TableCopyResult() }
        table = nil
        result.gaps = cut.gaps(.cutValue, format: .workbook, what: "cut to Excel's 32,767 characters")
            + leftOut.gaps(.leftOutValue, format: .workbook, what: "held bytes: left empty")
        return result
    }

    func finish() throws {
        guard let workbook else { return }
        self.workbook = nil
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw ReadableError.cannotWrite(path: temporary.path, reason: String(cString: lxw_strerror(status)))
        }
        try folder.place(temporary, as: fileName)
    }
}

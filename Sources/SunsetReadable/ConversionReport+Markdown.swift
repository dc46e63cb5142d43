import Foundation

extension ConversionReport {
    /// The report as a Markdown section for the bag's `sunset-index.md`: the database, a table
    /// of its tables and where each went with the rows read back, then every gap, left-out
    /// column and changed name. Deterministic: the same report gives the same text.
    public func markdown() -> String {
        var lines = ["### \(Self.escaped(sourcePath))", ""]
        lines.append("\(format.displayName); copies: \(formats.map(\.displayName).joined(separator: ", ")). " + (isComplete
            ? "Complete: every row of every table was read back from every copy."
            : "**Not complete**: see the gaps below."))
        lines.append("")
        if !tables.isEmpty {
            let columns = formats.map(\.displayName)
            lines.append("| Table | Columns | Rows read | Declared | " + columns.joined(separator: " | ") + " |")
            lines.append("|---|---:|---:|---:|" + formats.map { _ in "---|" }.joined())
            for table in tables {
                let cells = formats.map { format in
                    table.copies.filter { $0.format == format }.map(Self.describe).joined(separator: "<br>")
                }
                lines.append("| \(Self.escaped(table.name)) | \(table.columns.count) | \(table.rowsRead) | "
                             + "\(table.declaredRows.map(String.init) ?? "–") | " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        let gapLines = gaps.map { "- \($0.kind.rawValue): \(Self.escaped($0.detail))" }
            + tables.flatMap { table in
                table.gaps.map { "- \(Self.escaped(table.name)): \($0.kind.rawValue): \(Self.escaped($0.detail))" }
            }
        if !gapLines.isEmpty { lines += ["Gaps:", ""] + gapLines + [""] }
        let leftOut = tables.filter { !$0.leftOutColumns.isEmpty }.map { table in
            "- \(Self.escaped(table.name)): " + table.leftOutColumns.map { column in
                let type = table.columns.first { $0.name == column }?.sourceType ?? ""
                return "\(Self.escaped(column)) (\(Self.escaped(type)))"
            }.joined(separator: ", ")
        }
        if !leftOut.isEmpty { lines += ["Columns left out of every copy (bytes, or types Sunset cannot decode):", ""] + leftOut + [""] }
        let renamed = tables.flatMap { table in
            table.renamed.map { "- \($0.format.displayName): \(Self.escaped($0.original)) → \(Self.escaped($0.safe))" }
        }
        if !renamed.isEmpty { lines += ["Names changed where the file system or Excel demands it:", ""] + renamed + [""] }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ copy: Copy) -> String {
        let rows = copy.rowsReadBack.map { "\($0) rows" } ?? "unreadable"
        let place = copy.part.map { copy.format == .workbook ? "\(copy.file), sheet \($0)" : "\(copy.file), table \($0)" }
        return escaped(place ?? copy.file) + " (\(rows))"
    }

    /// Text made literal in Markdown (and in a table cell: pipes and line breaks too).
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "&":
                result.append("\\")
                result.append(character)
            case "\n", "\r", "\r\n": result.append(" ")
            default: result.append(character)
            }
        }
        return result
    }
}

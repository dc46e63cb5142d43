import Foundation
import SunsetCore

/// `sunset-index.md`: what the bag holds, for people. For each company its data folder and
/// every saved file, its backups and exports; then what belongs to no single company, the
/// program, what could not be saved, and the files whose names had to change.
struct BagIndex {
    let plan: RescuePlan
    let settings: BagSettings
    let record: BagRecord
    let notSaved: [RescueReport.NotSaved]
    let skipped: [BagContents.Skipped]
    let incomplete: [String]

    var markdown: String {
        var out: [String] = []
        let products = plan.products.values.sorted().joined(separator: " and ")
        out.append("# Offline copy of \(Markdown.text(products)) data")
        out.append("")
        var made = "Made by \(Markdown.text(settings.agent)) as of \(settings.asOf)"
        if let organization = settings.sourceOrganization, !organization.isEmpty {
            made += " for \(Markdown.text(organization))"
        }
        out.append(made + ".")
        out.append("")
        out.append("This folder is a BagIt 1.0 bag (RFC 8493). Each saved file is under `data/`, at the place it had "
                   + "below the scanned folder; `manifest-sha256.txt` and `manifest-sha512.txt` hold its checksums, and "
                   + "`sunset-rescue.json` the file it was copied from. Check the copy at any time with "
                   + "`sunset verify FOLDER`, or with the Library of Congress's `bagit.py --validate FOLDER`.")
        out.append("")
        out.append("## Scanned folders")
        out.append("")
        for root in record.roots {
            let target = root.label.isEmpty ? "data/" : "data/\(root.label)/"
            out.append("- \(Markdown.code(root.path)) is saved under \(Markdown.code(target))")
        }
        if record.roots.count > 1 {
            out.append("")
            out.append("With several scanned folders, each one's files are under a folder of `data/` named after it, "
                       + "so that files from different disks never collide.")
        }
        for company in plan.companies {
            out += companySection(company)
        }
        out += section("Backups and exports of no single company", files {
            $0.companies.isEmpty && !$0.isDerived && !$0.roles.contains(.program) && !$0.roles.contains(.companyData)
                && !$0.roles.contains(.dependent)
        })
        out += section("Databases of programs past their end of support", files { $0.roles.contains(.dependent) && !$0.isDerived })
        out += databaseSection
        out += section("Program", files { $0.roles.contains(.program) })
        out += section("Kept from earlier runs (not found, or not asked for, this time)", files { $0.keptFromEarlierRun == true })
        out += listSection("Not saved", notSaved.map { "\(Markdown.code($0.place)): \(Markdown.text($0.reason))" })
        out += listSection("Not copied (links and special files are never followed or copied)",
                           skipped.map { "\(Markdown.code($0.place)): \(Markdown.text($0.reason))" })
        out += listSection("Renamed in the bag (original names are in sunset-rescue.json)", renamed)
        out += listSection("Not read by the scan", plan.gaps.map {
            "\(Markdown.code(BagContents.place($0.location.path, root: plan.roots[$0.location.root].path))): \(Markdown.text($0.reason))"
        })
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    /// Every database in the bag: its format, how new its data is, and its readable copies,
    /// table by table, with the rows each copy was proven to hold and every gap.
    private var databaseSection: [String] {
        let databases = (record.databases ?? []).sorted { $0.payload.utf8.lexicographicallyPrecedes($1.payload.utf8) }
        guard !databases.isEmpty else { return [] }
        var out = ["", "## Databases and their readable copies", ""]
        out.append("Sunset also read each database below and left copies of it beside it, in a folder named after it "
                   + "(`….readable`): one CSV file per table (UTF-8, comma-separated, a header row, dates as YYYY-MM-DD), "
                   + "one SQLite file holding every table, and one workbook (`.xlsx`) with a sheet per table, for opening "
                   + "without the old program. Each copy was read back and its rows counted against the rows read from "
                   + "the database; anything that did not match, or could not be copied, is listed as a gap. Columns of "
                   + "raw bytes (pictures, OLE objects) are in no copy; the original keeps them. "
                   + "`\(ReadableIndex.fileName)` holds the same list for programs.")
        for database in databases {
            out += ["", "### \(Markdown.code(database.payload))", ""]
            var about = ["format: \(Markdown.text(database.formatName))"]
            if let modified = database.modified {
                about.append("data as of \(CalendarDay(Date(timeIntervalSince1970: TimeInterval(modified)), timeZone: CalendarDay.utc))")
            }
            if !database.companies.isEmpty { about.append("of \(database.companies.map(Markdown.text).joined(separator: ", "))") }
            out.append("- " + about.joined(separator: "; "))
            switch database.status {
            case .notRead:
                out.append("- Not read: \(Markdown.text(database.reason ?? "no reason given")).")
            case .failed:
                out.append("- NOT converted: \(Markdown.text(database.reason ?? "no reason given")). The original is saved.")
            case .converted:
                let folder = database.folder.map { Markdown.code($0 + "/") } ?? "(none)"
                out.append("- Readable copies in \(folder): "
                           + (database.complete ? "complete, every row of every table in every copy."
                                                : "NOT complete, see the gaps below."))
                for table in database.tables { out.append(tableLine(table, folder: database.folder ?? "")) }
            }
            for gap in database.gaps { out.append("- Gap: \(Markdown.text(gap))") }
        }
        return out
    }

    private func tableLine(_ table: ReadableIndex.Table, folder: String) -> String {
        var line = "- Table \(Markdown.code(table.name)): \(table.rows) row\(table.rows == 1 ? "" : "s")"
        line += "; columns: " + (table.columns.isEmpty ? "none" : table.columns.map(Markdown.code).joined(separator: ", "))
        let copies = table.copies.map { copy -> String in
            let file = copy.file.hasPrefix(folder + "/") ? String(copy.file.dropFirst(folder.count + 1)) : copy.file
            var text = Markdown.code(file)
            if let part = copy.part { text += (copy.format == "sqlite" ? " table " : " sheet ") + Markdown.code(part) }
            text += copy.rowsReadBack.map { " (\($0) read back)" } ?? " (not read back)"
            return text
        }
        line += "; copies: " + (copies.isEmpty ? "none" : copies.joined(separator: ", "))
        if !table.leftOutColumns.isEmpty {
            line += "; left out: " + table.leftOutColumns.map(Markdown.code).joined(separator: ", ")
        }
        var lines = [line]
        lines += table.gaps.map { "  - Gap: \(Markdown.text($0))" }
        return lines.joined(separator: "\n")
    }

    private func companySection(_ company: RescuePlan.CompanyRef) -> [String] {
        let mine = files { $0.companies.contains(company.name) }
        let data = mine.filter { $0.roles.contains(.companyData) }
        var out = ["", "## \(Markdown.text(company.name)) (\(Markdown.text(plan.products[company.product] ?? company.product)))", ""]
        out.append(incomplete.contains(company.name)
                   ? "Not complete: some of its data could not be saved (see \"Not saved\")."
                   : "Its data folder was saved whole.")
        let label = record.roots.indices.contains(company.folder.root) ? record.roots[company.folder.root].label : ""
        let folder = BagIt.payloadFolder + "/" + PayloadName.path(company.folder.path, label: label)
        let bytes = data.reduce(UInt64(0)) { $0 + ($1.size ?? 0) }
        out.append("")
        out.append("Data folder \(Markdown.code(folder)): \(data.count) file(s), \(ByteCount.text(bytes)).")
        out.append("")
        out += data.map(line)
        for (title, role) in [("Backups", RescuePlan.Role.backup), ("Exports", .export)] {
            let some = mine.filter { $0.roles.contains(role) }
            guard !some.isEmpty else { continue }
            out += ["", "\(title):", ""] + some.map(line)
        }
        return out
    }

    private func section(_ title: String, _ entries: [BagRecord.Entry]) -> [String] {
        listSection(title, entries.map { String(line($0).dropFirst(2)) })
    }

    private func listSection(_ title: String, _ lines: [String]) -> [String] {
        guard !lines.isEmpty else { return [] }
        return ["", "## \(title)", ""] + lines.map { "- " + $0 }
    }

    private func files(_ filter: (BagRecord.Entry) -> Bool) -> [BagRecord.Entry] {
        record.files.filter(filter).sorted { $0.payload.utf8.lexicographicallyPrecedes($1.payload.utf8) }
    }

    private func line(_ entry: BagRecord.Entry) -> String {
        var details = [ByteCount.text(entry.size ?? 0)]
        if let modified = entry.modified {
            let date = Date(timeIntervalSince1970: TimeInterval(modified.seconds))
            details.append("modified \(CalendarDay(date, timeZone: CalendarDay.utc))")
        }
        details += entry.notes.map(Markdown.text)
        return "- \(Markdown.code(entry.payload)) (\(details.joined(separator: ", ")))"
    }

    /// Files whose bag name is not their source name.
    private var renamed: [String] {
        record.files.filter { !$0.isDerived }.compactMap { entry in
            let label = record.roots.indices.contains(entry.root) ? record.roots[entry.root].label : ""
            let plain = BagIt.payloadFolder + "/" + (label.isEmpty ? "" : label + "/")
            guard let source = entry.source.utf8, entry.payload == plain + source else {
                return "\(Markdown.code(entry.payload)) was \(Markdown.code(Markdown.escapedBytes(entry.source.bytes)))"
            }
            return nil
        }.sorted()
    }
}

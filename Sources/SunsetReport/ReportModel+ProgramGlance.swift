import SunsetCore

/// The programs' short table below the companies' glance: each host's operating system and
/// every program past its end of support, with only the columns that say something.
extension ReportModel {
    /// One line: a program or a system, its status, the day its support ended (or ends), and
    /// the files that open with it.
    struct ProgramGlanceRow {
        var name: String
        var version: String; var hasVersion: Bool
        var symbol: String; var status: String
        /// `ended` or `supported` (or `unknown`), for styling.
        var level: String
        var date: String; var dateISO: String; var hasDate: Bool
        var files: String; var hasFileList: Bool
    }

    /// The table, and which optional columns it shows.
    struct ProgramGlance {
        var rows: [ProgramGlanceRow]
        var showsVersions: Bool
        var showsFiles: Bool
    }

    /// Nil when there is neither a judged system nor a program past its end of support.
    static func programGlance(_ results: AuditResults, labels: Labels) -> ProgramGlance? {
        let programs = (results.inventory.installedPrograms ?? []).filter { program in
            guard let lifecycle = program.lifecycle else { return false }
            return program.isOperatingSystem || Self.status(lifecycle, asOf: results.asOf, labels: labels).1 == "ended"
        }
        let ordered = programs.filter(\.isOperatingSystem) + programs.filter { !$0.isOperatingSystem }
        let rows = ordered.map { programRow($0, asOf: results.asOf, labels: labels) }
        guard !rows.isEmpty else { return nil }
        return ProgramGlance(rows: rows, showsVersions: rows.contains(where: \.hasVersion), showsFiles: rows.contains(where: \.hasFileList))
    }

    private static func programRow(_ program: InstalledProgram, asOf: CalendarDay, labels: Labels) -> ProgramGlanceRow {
        let lifecycle = program.lifecycle!
        let level = Self.status(lifecycle, asOf: asOf, labels: labels).1
        let name = program.isOperatingSystem ? labels.fill("glance.system", program.name) : program.name
        let status: String
        switch level {
        case "ended": status = labels[lifecycle.inferred ? "glance.p-inferred" : "glance.p-ended"]
        case "supported": status = labels["glance.p-supported"]
        default: status = labels["glance.p-unknown"]
        }
        var date = "", dateISO = ""
        if case let .date(day)? = lifecycle.securitySupportEnd {
            let key = lifecycle.isLowerBound && day >= asOf ? "glance.p-at-least" : (day < asOf ? "glance.p-ended-on" : "glance.p-ends-on")
            date = labels.fill(key, labels.day(day))
            dateISO = day.description
        }
        let files = (program.dependentFiles ?? []).filter { $0.files > 0 }.sorted { ($1.files, $0.fileExtension) < ($0.files, $1.fileExtension) }
            .map { "\(labels.number($0.files)) \($0.fileExtension)" }.joined(separator: ", ")
        let version = program.isOperatingSystem ? (lifecycle.cycleLabel ?? lifecycle.cycle ?? program.version ?? "")
            : (lifecycle.version ?? program.version ?? "")
        return ProgramGlanceRow(name: name, version: version, hasVersion: !version.isEmpty,
                                symbol: labels[level == "ended" ? "symbol.open" : (level == "supported" ? "symbol.done" : "symbol.none")],
                                status: status, level: level, date: date, dateISO: dateISO, hasDate: !date.isEmpty,
                                files: files, hasFileList: !files.isEmpty)
    }
}

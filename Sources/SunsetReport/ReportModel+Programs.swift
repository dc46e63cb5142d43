import SunsetCore

/// The Programs section: every installed program with a lifecycle match, its status on the
/// as-of date and the files that depend on it. Nil when the scan read no registry.
extension ReportModel {
    static func programs(_ results: AuditResults, labels: Labels) -> ProgramsSection? {
        guard let programs = results.inventory.installedPrograms else { return nil }
        let asOf = results.asOf
        let judged = programs.filter { $0.lifecycle != nil }
        let rows = judged.map { program(($0, $0.lifecycle!), asOf: asOf, labels: labels) }
            .enumerated().sorted { (rank($0.element.level), $0.offset) < (rank($1.element.level), $1.offset) }.map(\.element)
        let unknown = programs.filter { $0.lifecycle == nil }.map(\.name)
        let sources = Set(judged.compactMap { $0.lifecycle?.source }).sorted()
        return ProgramsSection(
            heading: labels["programs.heading"], intro: labels.count("programs.intro", programs.count, judged.count),
            nameHeader: labels["programs.name"], versionHeader: labels["programs.version"], cycleHeader: labels["programs.cycle"],
            statusHeader: labels["programs.status"], dataHeader: labels["programs.data"],
            rows: rows, hasRows: !rows.isEmpty,
            unknown: unknown.isEmpty ? nil : labels.count("programs.unknown", unknown.count, unknown.joined(separator: ", ")),
            source: sources.isEmpty ? nil : labels.fill("programs.source", sources.joined(separator: "; ")))
    }

    private static func rank(_ level: String) -> Int {
        ["ended": 0, "ending": 1, "supported": 2, "unknown": 3][level] ?? 4
    }

    private static func program(_ entry: (InstalledProgram, ProgramLifecycle), asOf: CalendarDay, labels: Labels) -> ProgramRow {
        let (program, lifecycle) = entry
        let (status, level) = status(lifecycle, asOf: asOf, labels: labels)
        let data = (program.dependentFiles ?? []).map { files -> String in
            let folders = files.folders.map { labels.fill("programs.folder", $0.location.path.description, labels.number($0.files)) }
            var line = labels.count("programs.files", files.files, files.fileExtension)
            if !folders.isEmpty { line += " (\(folders.joined(separator: ", ")))" }
            line += " " + (files.otherPrograms.isEmpty ? labels["programs.alone"]
                                                      : labels.fill("programs.also", files.otherPrograms.joined(separator: ", ")))
            return line
        }
        let cycle = lifecycle.cycle.map { lifecycle.cycleLabel ?? $0 }
        return ProgramRow(name: program.name, version: lifecycle.version ?? program.version ?? labels["unknown-f"],
                          cycle: cycle ?? (lifecycle.inferred ? labels.fill("programs.before", lifecycle.cycleLabel ?? "?") : labels["unknown"]),
                          status: status, level: level, data: data, hasData: !data.isEmpty,
                          source: "\(lifecycle.productName)" + (lifecycle.link.map { " — \($0)" } ?? ""))
    }

    /// The status in words, with its dates, and its level.
    static func status(_ lifecycle: ProgramLifecycle, asOf: CalendarDay, labels: Labels) -> (String, String) {
        if lifecycle.inferred { return (labels["programs.inferred"], "ended") }
        var parts: [String] = []
        var level = "unknown"
        switch lifecycle.securitySupportEnd {
        case let .date(day)?:
            if asOf > day {
                parts.append(labels.fill("programs.ended", labels.day(day), labels.number(asOf.days(since: day))))
                level = "ended"
            } else {
                // Several cycles and nothing to pick one: the one that ends last, a lower bound.
                let key = lifecycle.lowerBound == true ? "programs.until-at-least" : "programs.until"
                parts.append(labels.fill(key, labels.day(day), labels.number(day.days(since: asOf))))
                level = "supported"
            }
        case .ended?: parts.append(labels["programs.ended-nodate"]); level = "ended"
        case .ongoing?: parts.append(labels["programs.ongoing"]); level = "supported"
        case nil: parts.append(labels["programs.cycle-unknown"])
        }
        if level == "supported", let active = lifecycle.activeSupportEnd, active.hasEnded(asOf: asOf) {
            parts.append(active.day.map { labels.fill("programs.active-ended", labels.day($0)) } ?? labels["programs.active-ended-nodate"])
        }
        return (parts.joined(separator: labels["semicolon"] + " "), level)
    }
}

import SunsetCore

/// The summary's line about installed programs, kept apart from the rest of the summary.
extension TerminalSummary {
    /// "7 installed programs: 5 past their end of life, 1 of unknown lifecycle"; nil without a registry.
    static func programsLine(_ results: AuditResults, labels: Labels) -> String? {
        // The systems have their own line ("scanned … (Windows volume; Windows 7)") and their own
        // glance row: the count is of programs.
        let programs = (results.inventory.installedPrograms ?? []).filter { !$0.isOperatingSystem }
        guard !programs.isEmpty else { return nil }
        let ended = programs.filter { $0.lifecycle?.isEndOfLife(asOf: results.asOf) == true }.count
        let unknown = programs.filter { $0.lifecycle == nil }.count
        return labels.count("programs.summary", programs.count, labels.number(ended), labels.number(unknown))
    }
}

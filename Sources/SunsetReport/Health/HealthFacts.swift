import Foundation
import SunsetCore

/// The numbers monitoring watches, taken from audit results: findings by severity, each
/// company's newest readable backup (its time and its age in days), each product's end of
/// support (its day and the days since).
public struct HealthFacts: Sendable {
    /// Active (not waived) findings per severity, every severity present.
    public var findings: [Severity: Int]
    /// Company name → days since its newest readable backup; nil when it has none.
    public var backupAges: [(company: String, days: Int?)]
    /// Company name → modification time of its newest readable backup; nil when it has none.
    public var newestBackups: [(company: String, modified: Date?)]
    /// Pack id → days since support ended (negative before the date), for products found.
    public var daysSinceSupportEnd: [(product: String, days: Int)]
    /// Pack id → the last day of vendor support, for products found.
    public var supportEnds: [(product: String, day: CalendarDay)]
    /// Files the scan walked.
    public var filesWalked: Int
    /// Installed programs past their end of life, one per product and cycle (see HealthFacts+Programs).
    public var endOfLife: [EndOfLifeSeries] = []

    public init(_ results: AuditResults, supportEnds: [String: CalendarDay]) {
        let active = results.findings.filter { $0.waiver == nil }
        var counts: [Severity: Int] = [:]
        for severity in Severity.allCases { counts[severity] = active.filter { $0.severity == severity }.count }
        findings = counts
        let inventory = results.inventory
        newestBackups = inventory.companies.map { company in
            (company.name, inventory.readableBackups(of: company).map(\.date).max())
        }
        backupAges = newestBackups.map { company, newest in
            (company, newest.map { results.asOf.days(since: CalendarDay($0, timeZone: CalendarDay.utc)) })
        }
        let present = Set(inventory.installations.map(\.product) + inventory.companies.map(\.product))
        self.supportEnds = supportEnds.filter { present.contains($0.key) }.sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
        daysSinceSupportEnd = self.supportEnds.map { ($0.product, results.asOf.days(since: $0.day)) }
        filesWalked = inventory.coverage.files
        endOfLife = Self.endOfLife(results)
    }

    /// Active findings at or above a severity.
    public func count(atLeast severity: Severity) -> Int {
        findings.filter { $0.key >= severity }.map(\.value).reduce(0, +)
    }
}

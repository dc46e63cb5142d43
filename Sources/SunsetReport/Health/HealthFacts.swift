import Foundation
import SunsetCore

/// The numbers monitoring watches, taken from audit results: findings by severity, each
/// company's newest readable backup age, days since each product's support ended.
public struct HealthFacts: Sendable {
    /// Active (not waived) findings per severity, every severity present.
    public var findings: [Severity: Int]
    /// Company name → days since its newest readable backup; nil when it has none.
    public var backupAges: [(company: String, days: Int?)]
    /// Pack id → days since support ended (negative before the date), for products found.
    public var daysSinceSupportEnd: [(product: String, days: Int)]
    public var filesWalked: Int
    /// Installed programs past their end of life, one per product and cycle (see HealthFacts+Programs).
    public var endOfLife: [EndOfLifeSeries] = []

    public init(_ results: AuditResults, supportEnds: [String: CalendarDay]) {
        let active = results.findings.filter { $0.waiver == nil }
        var counts: [Severity: Int] = [:]
        for severity in Severity.allCases { counts[severity] = active.filter { $0.severity == severity }.count }
        findings = counts
        let inventory = results.inventory
        backupAges = inventory.companies.map { company in
            let newest = inventory.readableBackups(of: company).map(\.file.modified).max()
            return (company.name, newest.map { results.asOf.days(since: CalendarDay($0, timeZone: CalendarDay.utc)) })
        }
        let present = Set(inventory.installations.map(\.product) + inventory.companies.map(\.product))
        daysSinceSupportEnd = supportEnds.filter { present.contains($0.key) }.sorted { $0.key < $1.key }
            .map { ($0.key, results.asOf.days(since: $0.value)) }
        filesWalked = inventory.coverage.files
        endOfLife = Self.endOfLife(results)
    }

    /// Active findings at or above a severity.
    public func count(atLeast severity: Severity) -> Int {
        findings.filter { $0.key >= severity }.map(\.value).reduce(0, +)
    }
}

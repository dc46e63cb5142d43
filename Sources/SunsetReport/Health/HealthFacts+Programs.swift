import SunsetCore

/// Installed programs past their end of life, for monitoring. Series are keyed by the
/// lifecycle product's id and cycle (values from the data, so their number stays bounded),
/// never by the program's free-form name.
extension HealthFacts {
    /// One product and cycle past its end of life: the last day of security support and the days since.
    public struct EndOfLifeSeries: Hashable, Sendable {
        public var product: String
        /// The cycle, or `before-<oldest cycle>` for a version older than every listed cycle.
        public var cycle: String
        /// The last day of security support; nil when the data gives no day.
        public var securitySupportEnd: CalendarDay?
        /// Days since security support ended; nil when the data gives no day.
        public var days: Int?
    }

    static func endOfLife(_ results: AuditResults) -> [EndOfLifeSeries] {
        let asOf = results.asOf
        let series = (results.inventory.installedPrograms ?? []).compactMap { program -> EndOfLifeSeries? in
            guard let lifecycle = program.lifecycle, lifecycle.isEndOfLife(asOf: asOf) else { return nil }
            let cycle = lifecycle.cycle ?? "before-\(lifecycle.cycleLabel ?? "oldest")"
            let end = lifecycle.securitySupportEnd?.day
            return EndOfLifeSeries(product: lifecycle.product, cycle: cycle, securitySupportEnd: end,
                                   days: end.map { asOf.days(since: $0) })
        }
        return Array(Set(series)).sorted { ($0.product, $0.cycle) < ($1.product, $1.cycle) }
    }
}

import SunsetCore

/// The settings a judgement depends on besides the inventory: the as-of date, how far
/// ahead upcoming dates are reported, and the OS release tables.
public struct Evaluation: Sendable {
    /// The day the audit judges as of (`--as-of`).
    public var asOf: CalendarDay
    /// Upcoming dates within this many days become findings (`--warn-within`); 0 turns that off.
    public var warnWithin: Int
    public var osReleases: OSReleases

    /// Settings for one run.
    public init(asOf: CalendarDay, warnWithin: Int = 0, osReleases: OSReleases) {
        self.asOf = asOf
        self.warnWithin = warnWithin
        self.osReleases = osReleases
    }
}

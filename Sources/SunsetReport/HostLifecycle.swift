import SunsetCore
import SunsetRules

/// What is known of a host operating system's own life: when its release came out and when
/// its vendor support ends. Filled from a release table (for Windows, `Rules/os/`) when one is
/// wired in; every part may be unknown, and the reports then say so.
public struct HostLifecycle: Hashable, Sendable {
    /// The release's name in the table, e.g. "Windows 10 22H2".
    public var release: String?
    public var released: CalendarDay?
    public var supportEnds: CalendarDay?
    /// True when the release or edition could not be told and `supportEnds` is the day of the
    /// candidate that ends last: support ended (or ends) on that day at the latest.
    public var isLowerBound = false

    public init(release: String? = nil, released: CalendarDay? = nil, supportEnds: CalendarDay? = nil, isLowerBound: Bool = false) {
        self.release = release
        self.released = released
        self.supportEnds = supportEnds
        self.isLowerBound = isLowerBound
    }

    /// Looks up a host's lifecycle; nil when nothing is known about it.
    public typealias Lookup = @Sendable (HostOS) -> HostLifecycle?

    /// The lookup that knows nothing.
    public static let none: Lookup = { _ in nil }
}

extension HostLifecycle {
    /// The lookup that reads release tables (e.g. `Rules/os/windows.yaml`): the release a
    /// host's build belongs to, its release date and its end of support.
    public static func lookup(_ releases: OSReleases) -> Lookup {
        { host in
            let release = host.build.flatMap { releases.table(for: host.family)?.release(forBuild: $0, hostName: host.editionHints) }
            // The lifecycle packs' answer knows the edition; the table's names the release.
            if let lifecycle = host.lifecycle, let end = lifecycle.securitySupportEnd?.day {
                return HostLifecycle(release: release?.name ?? host.name, released: lifecycle.releaseDate ?? release?.released,
                                     supportEnds: end, isLowerBound: lifecycle.isLowerBound)
            }
            guard let release else { return nil }
            return HostLifecycle(release: release.name, released: release.released, supportEnds: release.endOfSupport)
        }
    }

    /// The lookup over the release tables built into the binary.
    public static let builtIn: Lookup = lookup(PackSet.builtInOSReleases)
}

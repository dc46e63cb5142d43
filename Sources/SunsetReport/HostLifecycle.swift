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

    public init(release: String? = nil, released: CalendarDay? = nil, supportEnds: CalendarDay? = nil) {
        self.release = release
        self.released = released
        self.supportEnds = supportEnds
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
            guard let build = host.build, let release = releases.table(for: host.family)?.release(forBuild: build, hostName: host.name + " " + (host.edition ?? "")) else {
                return nil
            }
            return HostLifecycle(release: release.name, released: release.released, supportEnds: release.endOfSupport)
        }
    }

    /// The lookup over the release tables built into the binary.
    public static let builtIn: Lookup = lookup(PackSet.builtInOSReleases)
}

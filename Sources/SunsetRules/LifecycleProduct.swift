import Foundation
import SunsetCore

/// One product's lifecycle as a generated pack in `Rules/lifecycle/` holds it (imported from
/// endoflife.date by `sunset rules import-endoflife`), joined with Sunset's hand-written match
/// data for it (`Rules/lifecycle/match/`): how its uninstall entries are recognised.
public struct LifecycleProduct: Sendable {
    /// The data's id for the product (`firefox`).
    public var id: String
    /// Its readable name (`Firefox`).
    public var name: String
    /// The product's page.
    public var link: String?
    /// The data set it was imported from, with its commit and licence.
    public var source: String
    /// Release cycles, newest first, as the data lists them.
    public var cycles: [LifecycleCycle]
    /// Patterns over uninstall entries, from the match data (empty: never matched).
    public var patterns: [ProgramPattern]
    /// Globs over the program files the product installs (`**/EXCEL.EXE`), to link file
    /// associations whose executable is not inside a matched program's install folder.
    public var executables: [String]
    /// The hosts whose operating system this product is (`windows`, `windows-server`,
    /// `macos`), from the match data; nil for an ordinary program.
    public var host: HostMatch? = nil
    /// Sunset's own data on the cycles the data splits one version into, from the match
    /// data's `cycles:` section (`11.0-sp4` from build 11.0.7001), by cycle.
    public var cycleMatch: [String: CycleMatch] = [:]
}

/// What Sunset's match data says about one cycle, where the lifecycle data cannot tell it
/// from its siblings: its first and last builds (either may be left to the data's `latest`
/// and the other cycles), and the hosts it is for (globs over the host's name and edition).
public struct CycleMatch: Hashable, Sendable {
    /// The first build of the cycle.
    public var from: [Int]?
    /// The last build of the cycle.
    public var to: [Int]?
    /// Globs over "<host name> <edition>" (`*Server*`); nil: any host its siblings' globs leave.
    public var hosts: [String]?
}

/// One release cycle and its support dates.
public struct LifecycleCycle: Hashable, Sendable {
    public var cycle: String
    public var label: String?
    public var released: CalendarDay?
    public var activeSupportEnd: SupportEnd?
    public var securitySupportEnd: SupportEnd?
    public var extendedSupportEnd: SupportEnd?
    public var latest: String?
    public var link: String?
    public var lts: Bool

    public init(cycle: String, label: String? = nil, released: CalendarDay? = nil, activeSupportEnd: SupportEnd? = nil,
                securitySupportEnd: SupportEnd? = nil, extendedSupportEnd: SupportEnd? = nil, latest: String? = nil,
                link: String? = nil, lts: Bool = false) {
        self.cycle = cycle
        self.label = label
        self.released = released
        self.activeSupportEnd = activeSupportEnd
        self.securitySupportEnd = securitySupportEnd
        self.extendedSupportEnd = extendedSupportEnd
        self.latest = latest
        self.link = link
        self.lts = lts
    }

    /// The cycle as dotted numbers (`2.7` → [2, 7]), nil when it is not one (`2010-for-mac`).
    var numbers: [Int]? { Self.numbers(cycle) }

    /// Dotted numbers of a text, nil when it holds anything else.
    static func numbers(_ text: String) -> [Int]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, !parts.contains(nil) else { return nil }
        return parts.compactMap { $0 }
    }

    /// The dotted numbers a text starts with (`11.0.7512.11 GDR` → [11, 0, 7512, 11]), nil
    /// when it starts with none.
    static func leadingNumbers(_ text: String) -> [Int]? {
        guard let found = text.prefixMatch(of: #/\d+(?:\.\d+)*/#) else { return nil }
        return numbers(String(found.output))
    }

    /// Compares two builds part by part, a missing part counting as 0 (11.0.2424 = 11.0.2424.0).
    static func compare(_ left: [Int], _ right: [Int]) -> ComparisonResult {
        for index in 0..<max(left.count, right.count) {
            let (a, b) = (index < left.count ? left[index] : 0, index < right.count ? right[index] : 0)
            if a != b { return a < b ? .orderedAscending : .orderedDescending }
        }
        return .orderedSame
    }
}

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
}

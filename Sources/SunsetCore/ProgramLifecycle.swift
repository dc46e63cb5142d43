/// What the lifecycle packs say about one installed program: the product and release cycle
/// it was matched to, that cycle's dates, and the evidence of the match. A version older
/// than every cycle the data lists is matched by inference (`inferred`, no cycle dates).
public struct ProgramLifecycle: Hashable, Codable, Sendable {
    /// The lifecycle product's id, as the data names it (`firefox`, `office`).
    public var product: String
    /// The product's readable name (`Mozilla Firefox`).
    public var productName: String
    /// The release cycle (`60`, `2010`, `2.7`); nil when the version is older than every listed cycle.
    public var cycle: String?
    /// The cycle's readable label, when the data gives one (`2010 SP2`).
    public var cycleLabel: String?
    /// The version the match read, from the name or `DisplayVersion`.
    public var version: String?
    public var releaseDate: CalendarDay?
    /// End of active support (bug fixes, new features).
    public var activeSupportEnd: SupportEnd?
    /// End of security support (the end of life).
    public var securitySupportEnd: SupportEnd?
    /// End of paid extended support, when there is one.
    public var extendedSupportEnd: SupportEnd?
    /// The cycle's latest version.
    public var latest: String?
    /// Where to read about the cycle.
    public var link: String?
    /// True when the version is older than every cycle the data lists: end of life by inference.
    public var inferred: Bool
    /// True when the data splits the version into several cycles (service packs, editions)
    /// and nothing told which one is installed: the dates are those of the cycle that ends
    /// last, so support lasts at least until them. Absent when the cycle was decided.
    public var lowerBound: Bool?
    /// Where the dates come from (the data set and its commit).
    public var source: String
    /// How the match was made.
    public var evidence: [Evidence]
    /// The product rule pack whose own rules judge this program (`invoice2go-classic`); the
    /// generic lifecycle rules then leave it alone, so that no two findings say the same thing.
    public var judgedBy: String?
    /// When `lowerBound`, why the cycle could not be decided among several.
    public var undecided: String?

    public init(product: String, productName: String, cycle: String?, cycleLabel: String? = nil, version: String?,
                releaseDate: CalendarDay? = nil, activeSupportEnd: SupportEnd? = nil, securitySupportEnd: SupportEnd? = nil,
                extendedSupportEnd: SupportEnd? = nil, latest: String? = nil, link: String? = nil, inferred: Bool = false,
                lowerBound: Bool? = nil, source: String, evidence: [Evidence]) {
        self.product = product
        self.productName = productName
        self.cycle = cycle
        self.cycleLabel = cycleLabel
        self.version = version
        self.releaseDate = releaseDate
        self.activeSupportEnd = activeSupportEnd
        self.securitySupportEnd = securitySupportEnd
        self.extendedSupportEnd = extendedSupportEnd
        self.latest = latest
        self.link = link
        self.inferred = inferred
        self.lowerBound = lowerBound
        self.source = source
        self.evidence = evidence
    }

    /// The release in words: the cycle's label, with the product's name in front unless the
    /// label already starts with a word of it ("Microsoft Windows 7 SP1", "Windows Server
    /// 2012 R2", "Microsoft SQL Server 2012 SP4"); nil without a cycle.
    public var releaseName: String? {
        guard let cycle else { return nil }
        let label = cycleLabel ?? cycle
        let productWords = Set(productName.lowercased().split(separator: " "))
        if let first = label.lowercased().split(separator: " ").first, productWords.contains(first) { return label }
        return "\(productName) \(label)"
    }

    /// True when the dates are a lower bound: the cycle was not decided and the last-ending
    /// candidate was taken.
    public var isLowerBound: Bool { lowerBound == true }

    /// True when security support is over on `asOf`, by its date or by inference.
    public func isEndOfLife(asOf: CalendarDay) -> Bool {
        inferred || securitySupportEnd?.hasEnded(asOf: asOf) == true
    }
}

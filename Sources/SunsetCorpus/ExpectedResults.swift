/// What a case should give: the companies with their data, backups and exports, the
/// findings and the checklist ticks. Lists are exhaustive unless `exhaustive` says otherwise.
public struct ExpectedResults: Sendable {
    /// One company as the scan should find it. `root`, `folder` and `dataFiles` are checked
    /// only when given; `backups` and `exports` always (an empty list means none).
    public struct Company: Sendable {
        public var name: String
        public var root: String?
        /// Relative to the company's root.
        public var folder: String?
        /// Relative to the company's folder.
        public var dataFiles: Set<String>?
        /// `<root>/<path>` of every backup attributed to it.
        public var backups: Set<String>
        /// `<root>/<path>` of every export attributed to it.
        public var exports: Set<String>

        public init(name: String, root: String? = nil, folder: String? = nil, dataFiles: Set<String>? = nil,
                    backups: Set<String> = [], exports: Set<String> = []) {
            self.name = name
            self.root = root
            self.folder = folder
            self.dataFiles = dataFiles
            self.backups = backups
            self.exports = exports
        }
    }

    public var companies: [Company]
    public var unattributedExports: Set<String>
    public var unattributedBackups: Set<String>
    public var findings: Set<FindingKey>
    public var ticks: Set<TickKey>
    /// False: a finding not listed is not a false positive.
    public var findingsExhaustive: Bool
    /// False: a tick not listed is not a false positive.
    public var ticksExhaustive: Bool
    /// False: a company not listed is not a miss.
    public var companiesExhaustive: Bool

    public init(companies: [Company] = [], unattributedExports: Set<String> = [], unattributedBackups: Set<String> = [],
                findings: Set<FindingKey> = [], ticks: Set<TickKey> = [], findingsExhaustive: Bool = true,
                ticksExhaustive: Bool = true, companiesExhaustive: Bool = true) {
        self.companies = companies
        self.unattributedExports = unattributedExports
        self.unattributedBackups = unattributedBackups
        self.findings = findings
        self.ticks = ticks
        self.findingsExhaustive = findingsExhaustive
        self.ticksExhaustive = ticksExhaustive
        self.companiesExhaustive = companiesExhaustive
    }
}

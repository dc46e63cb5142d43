import SunsetCore
import SunsetReadable

/// Settings of a rescue beyond what to copy.
public struct BagSettings: Sendable {
    /// The bag's date (`Bagging-Date`, `Sunset-As-Of`).
    public var asOf: CalendarDay
    /// `Source-Organization`, when the user gives one.
    public var sourceOrganization: String?
    /// `Bag-Software-Agent`, e.g. `sunset 0.1.0`.
    public var agent: String
    public var pacer: CopyPacer
    /// Told how far the copy is, after every chunk.
    public var progress: (@Sendable (RescueProgress) -> Void)?
    /// Readable copies of the databases saved; nil when not asked for (`--no-readable`).
    public var readable: ReadableSettings?
    /// Told what the step after copying is doing (e.g. "converting 2 of 5: Firma.mdb").
    public var step: (@Sendable (String) -> Void)?

    public init(asOf: CalendarDay, sourceOrganization: String? = nil, agent: String, pacer: CopyPacer = CopyPacer(),
                progress: (@Sendable (RescueProgress) -> Void)? = nil, readable: ReadableSettings? = ReadableSettings()) {
        self.asOf = asOf
        self.sourceOrganization = sourceOrganization
        self.agent = agent
        self.pacer = pacer
        self.progress = progress
        self.readable = readable
    }
}

/// How far a rescue's copying is: files finished and bytes copied, of those this run copies.
public struct RescueProgress: Sendable {
    public var files: Int
    public var totalFiles: Int
    public var bytes: UInt64
    public var totalBytes: UInt64
}

/// What a rescue did.
public struct RescueReport: Sendable {
    /// A file that the bag does not hold in its current state, and why.
    public struct NotSaved: Hashable, Comparable, Sendable {
        public var place: String
        public var reason: String
        public var companies: [String]
        /// True when it is company data (its company then counts as incomplete).
        public var isCompanyData: Bool

        public static func < (lhs: NotSaved, rhs: NotSaved) -> Bool { (lhs.place, lhs.reason) < (rhs.place, rhs.reason) }
    }

    /// The bag's folder.
    public var bag: String
    /// Payload files and bytes in the finished bag.
    public var files: Int
    public var bytes: UInt64
    /// Files copied and verified by this run, and their bytes.
    public var copied: Int
    public var copiedBytes: UInt64
    /// Files skipped because an earlier run had already verified them.
    public var alreadyVerified: Int
    /// Files kept from an earlier run whose source is no longer found.
    public var keptFromEarlier: Int
    /// Companies whose data the bag holds in full, and those it does not.
    public var companies: [String]
    public var incompleteCompanies: [String]
    public var notSaved: [NotSaved]
    /// Links and special files met in the copied folders, never copied.
    public var skipped: Int
    /// Every database in the bag, with its readable copies and gaps.
    public var databases: [ReadableIndex.Database] = []
    /// Databases converted by this run, and those whose copies an earlier run made from the same bytes.
    public var convertedNow = 0
    public var alreadyConverted = 0

    /// Databases that were converted with a gap or could not be converted (not those never read, like Paradox).
    public var incompleteDatabases: [ReadableIndex.Database] {
        databases.filter { $0.status == .failed || ($0.status == .converted && !$0.complete) }
    }
}

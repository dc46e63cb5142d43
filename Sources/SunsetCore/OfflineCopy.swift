/// A bag made by `sunset rescue` that a scan found: an offline copy of a product's data.
/// It counts for a company when it is verified, off the machine, and names that company.
public struct OfflineCopy: Hashable, Codable, Sendable {
    /// How far the check of the bag went.
    public enum Check: String, Codable, Sendable {
        /// Declaration, agent, Payload-Oxum against the files present, and both payload
        /// manifests listing exactly those files; no file read.
        case structure
        /// Also every checksum of every payload and tag file.
        case checksums
    }

    /// The bag's folder.
    public var location: Location
    public var placement: Placement
    /// The cloud-sync provider when `placement` is `.cloud`.
    public var cloudProvider: String?
    /// True when every check that ran passed.
    public var verified: Bool
    public var check: Check
    /// The first problem found, nil when verified.
    public var problem: String?
    /// Rule pack ids whose data the bag holds (`Sunset-Product`).
    public var products: [String]
    /// Companies whose data the bag holds in full (`Sunset-Company`), sorted.
    public var companies: [String]
    /// `Bagging-Date`, when it is a valid date.
    public var bagged: CalendarDay?
    /// Payload files and bytes found in `data/`.
    public var files: Int
    public var bytes: UInt64
    public var evidence: [Evidence]
    /// The databases the bag's `sunset-index.json` lists with their readable copies; nil when
    /// the bag has no such index or it could not be read (then it shows no tables).
    public var databases: [ReadableIndex.Database]?
    /// The tables among them that a pack recognises as a client or product list; nil when none.
    public var lists: [ReadableList]?

    public init(location: Location, placement: Placement, cloudProvider: String?, verified: Bool, check: Check,
                problem: String?, products: [String], companies: [String], bagged: CalendarDay?,
                files: Int, bytes: UInt64, evidence: [Evidence]) {
        self.location = location
        self.placement = placement
        self.cloudProvider = cloudProvider
        self.verified = verified
        self.check = check
        self.problem = problem
        self.products = products
        self.companies = companies
        self.bagged = bagged
        self.files = files
        self.bytes = bytes
        self.evidence = evidence
    }

    /// True when the bag names this company of this product.
    public func covers(_ company: Company) -> Bool {
        products.contains(company.product) && companies.contains(company.name)
    }
}

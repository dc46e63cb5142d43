import SunsetCore

/// Tells which entries of an archive are data files, by content as on disk (`ContentKind.data`:
/// Access/Jet, SQLite, OLE, XML, PDF, unidentified binary …; never an executable), from the
/// first bytes `ZipCheck` hands over while it verifies the archive. It needs one data file per
/// top-level folder (and one at the top), so it stops looking into a folder once it has one,
/// and looks at `budget` entries at most: an archive of photos costs little.
final class EntrySniffer {
    /// Data entries found, in the archive's order.
    private(set) var dataEntries: [String] = []
    private var done = Set<Substring>()
    private var budget: Int
    private let executables: GlobSet
    private lazy var cookie: MagicCookie? = try? MagicCookie()

    init(executables: GlobSet, budget: Int = 2_000) {
        self.executables = executables
        self.budget = budget
    }

    /// Looks at one entry's first bytes.
    func look(_ entry: String, _ head: [UInt8]) {
        let parts = entry.split(separator: "/", omittingEmptySubsequences: true)
        let group = parts.count >= 2 ? parts[0] : ""
        guard budget > 0, !done.contains(group), !executables.contains(Array(entry.utf8)), let cookie else { return }
        budget -= 1
        let (description, mime) = cookie.identify(head)
        let database = DatabaseFormat.sniff(bytes: head, fileName: String(parts.last ?? ""))
        guard ContentKind(mime: mime, description: description, database: database) == .data else { return }
        dataEntries.append(entry)
        done.insert(group)
    }
}

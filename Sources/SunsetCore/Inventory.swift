/// Everything a scan found: the facts the rules judge. Every array is sorted by location.
public struct Inventory: Hashable, Codable, Sendable {
    public var roots: [ScanRoot]
    public var installations: [Installation]
    public var companies: [Company]
    public var backups: [Backup]
    public var exports: [Export]
    public var cloudFolders: [CloudFolder]
    public var coverage: Coverage
    /// Every program the scanned Windows volumes' registries list as installed, matched or
    /// not, sorted by name; nil when no registry hive was found.
    public var installedPrograms: [InstalledProgram]?
    /// The Documents and OneDrive folders users' registry hives record; nil when no user hive was found.
    public var userFolders: [UserFolder]?
    /// Bags made by `sunset rescue` found under the roots (their contents are not scanned as
    /// data); nil when there is none, so that inventories without one encode as before.
    public var offlineCopies: [OfflineCopy]?
    /// The file associations the Windows volumes' hives record; nil when there is none.
    public var fileAssociations: [FileAssociation]?
    /// Files per associated extension, counted during the walk; nil when there is no association.
    public var fileTypes: [FileTypeCount]?
    /// Backups of a whole computer (Windows system images, other imaging tools' files) found
    /// under the roots, sorted by location; nil when there is none.
    public var wholeComputerBackups: [WholeComputerBackup]?

    public init(roots: [ScanRoot] = [], installations: [Installation] = [], companies: [Company] = [],
                backups: [Backup] = [], exports: [Export] = [], cloudFolders: [CloudFolder] = [],
                coverage: Coverage = Coverage()) {
        self.roots = roots
        self.installations = installations
        self.companies = companies
        self.backups = backups
        self.exports = exports
        self.cloudFolders = cloudFolders
        self.coverage = coverage
    }

    /// The readable backups that belong to a company, those found inside opened
    /// whole-computer backups included.
    public func readableBackups(of company: Company) -> [Backup] {
        countedBackups.filter { $0.readable && $0.product == company.product && $0.companies.contains(company.name) }
    }

    /// Every backup the rules and the checklist count: the backup files, and one backup per
    /// company found inside an opened whole-computer backup. A whole-computer backup that was
    /// not opened gives none.
    public var countedBackups: [Backup] {
        let inside = (wholeComputerBackups ?? []).flatMap(\.companyBackups)
        return inside.isEmpty ? backups : backups + inside
    }

    /// The exports attributed to a company. An unattributed export credits no company.
    public func exports(of company: Company) -> [Export] {
        exports.filter { $0.product == company.product && $0.companies.contains(company.name) }
    }

    /// The exports no company could be credited with.
    public var unattributedExports: [Export] { exports.filter(\.companies.isEmpty) }

    // MARK: - Paths as people read them

    /// A path below a root as reports show it: bare when the scan has one root, and after
    /// its root's label in brackets (`[usb] Backups/backup.zip`) when it has several, so that
    /// two files of the same name on two disks are never confused.
    public func shown(_ path: VolumePath, root: Int?) -> String {
        guard roots.count > 1, let root, roots.indices.contains(root) else { return path.description }
        let text = path.bytes.isEmpty ? "" : " " + path.description
        return "[\(roots[root].shownLabel)]" + text
    }

    /// `shown(_:root:)` for a location.
    public func shown(_ location: Location) -> String { shown(location.path, root: location.root) }
}

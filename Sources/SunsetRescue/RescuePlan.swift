import Foundation
import SunsetCore

/// What a rescue copies, decided from a scan's inventory: every company's data folder, every
/// backup (readable or not) and every export; the databases that depend on an end-of-life
/// program no supported program opens; and, when asked, the program's folders.
public struct RescuePlan: Sendable {
    /// Why a file is in the bag.
    public enum Role: String, Codable, CaseIterable, Comparable, Sendable {
        case companyData = "company-data", backup, export
        /// A database of an extension the registry ties to an installed program past its end of
        /// support, which no other installed, still supported program opens.
        case dependent
        case program
        /// A readable copy (CSV, SQLite, workbook) Sunset made of a database in the bag.
        case readable

        public static func < (lhs: Role, rhs: Role) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One thing to copy: a folder (copied whole) or a file.
    public struct Source: Hashable, Sendable {
        public var location: Location
        public var isFolder: Bool
        public var role: Role
        /// The companies it belongs to (empty when it could not be told).
        public var companies: [String]
        /// A short note for the index, e.g. "client list" or "unreadable: truncated zip archive".
        public var note: String?
    }

    /// A company whose data is copied.
    public struct CompanyRef: Hashable, Comparable, Sendable {
        public var product: String
        public var name: String
        public var folder: Location

        public static func < (lhs: CompanyRef, rhs: CompanyRef) -> Bool {
            (lhs.name, lhs.product, lhs.folder) < (rhs.name, rhs.product, rhs.folder)
        }
    }

    public var roots: [ScanRoot]
    /// Product names by pack id, for the products that have something in the plan.
    public var products: [String: String]
    public var companies: [CompanyRef]
    public var sources: [Source]
    /// Places the scan could not read (the copy cannot hold what the scan did not see).
    public var gaps: [Coverage.Gap]

    /// The plan for an inventory. `productNames` maps pack ids to product names; `asOf` is the
    /// day that decides which programs are past their end (today, UTC, when nil).
    public init(inventory: Inventory, includeProgram: Bool, productNames: [String: String], asOf: CalendarDay? = nil) {
        var sources: [Source] = []
        // A company known only from a backup has no folder: its backup is copied below.
        for company in inventory.companies where !company.isBackupOnly {
            sources.append(Source(location: company.folder, isFolder: true, role: .companyData,
                                  companies: [company.name], note: nil))
        }
        for backup in inventory.backups {
            // A backup of several files (a File History set) is copied whole.
            for file in backup.setFiles ?? [backup.file] {
                sources.append(Source(location: file.location, isFolder: false, role: .backup,
                                      companies: backup.companies,
                                      note: backup.readable ? nil : "unreadable: \(backup.problem ?? "unknown problem")"))
            }
        }
        for export in inventory.exports {
            sources.append(Source(location: export.file.location, isFolder: false, role: .export,
                                  companies: export.companies,
                                  note: export.kind == .clients ? "client list" : "product list"))
        }
        sources += Self.dependentSources(inventory, asOf: asOf ?? CalendarDay(Date(), timeZone: CalendarDay.utc))
        if includeProgram {
            for installation in inventory.installations {
                sources += Self.programSources(installation)
            }
        }
        let used = Set(inventory.companies.map(\.product) + inventory.backups.map(\.product)
                       + inventory.exports.map(\.product)
                       + (includeProgram ? inventory.installations.map(\.product) : []))
        self.roots = inventory.roots
        self.products = productNames.filter { used.contains($0.key) }
        for id in used where self.products[id] == nil { self.products[id] = id }
        self.companies = inventory.companies.map { CompanyRef(product: $0.product, name: $0.name, folder: $0.folder) }.sorted()
        self.sources = sources.sorted { ($0.location, $0.role) < ($1.location, $1.role) }
        self.gaps = inventory.coverage.gaps
    }

    /// The program folder when one was found; otherwise only the executables the evidence names
    /// (a stray `Invoice2go.exe` on a desktop does not make the desktop a program folder).
    static func programSources(_ installation: Installation) -> [Source] {
        let note = installation.version.map { "version \($0)" }
        if installation.evidence.contains(where: { $0.signature == "installation.folders" }) {
            return [Source(location: installation.location, isFolder: true, role: .program, companies: [], note: note)]
        }
        let executables = installation.evidence.filter { $0.signature == "installation.executables" }.compactMap(\.path)
        return Set(executables).sorted().map {
            Source(location: Location(root: installation.location.root, path: $0), isFolder: false, role: .program,
                   companies: [], note: note)
        }
    }

    /// The databases among the files that depend on an installed program past its end of
    /// support (issue 13's associations), for each extension no other installed program still
    /// supported opens: a program whose lifecycle nobody knows is not taken as supported.
    static func dependentSources(_ inventory: Inventory, asOf: CalendarDay) -> [Source] {
        let programs = inventory.installedPrograms ?? []
        let supported = Set(programs.filter { $0.lifecycle.map { !$0.isEndOfLife(asOf: asOf) } ?? false }.map(\.name))
        var sources: [Source] = []
        for program in programs {
            guard let lifecycle = program.lifecycle, lifecycle.isEndOfLife(asOf: asOf) else { continue }
            for dependent in program.dependentFiles ?? [] where !dependent.otherPrograms.contains(where: supported.contains) {
                for file in dependent.databases ?? [] {
                    let format = file.database?.displayName ?? file.kind
                    sources.append(Source(location: file.location, isFolder: false, role: .dependent, companies: [],
                                          note: "\(format) database that opens with \(program.name), past its end of support"))
                }
            }
        }
        return sources
    }
}

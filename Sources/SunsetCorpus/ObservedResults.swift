import SunsetCore

/// What an audit concluded, in the terms the expectations use: findings and ticks as keys,
/// paths as `<root label>/<path>`, where a root's label is its folder's name.
public struct ObservedResults: Sendable {
    /// One company as the audit found it.
    public struct Company: Sendable {
        public var name: String
        public var root: String
        public var folder: String
        /// Relative to the folder (or `<root>/<path>` for a file outside it).
        public var dataFiles: Set<String>

        public init(name: String, root: String, folder: String, dataFiles: Set<String>) {
            self.name = name
            self.root = root
            self.folder = folder
            self.dataFiles = dataFiles
        }
    }

    public var findings: Set<FindingKey>
    public var ticks: Set<TickKey>
    public var companies: [Company]
    /// Every backup by the name of each company it is attributed to, whether or not the scan
    /// also lists that company.
    public var backupsByCompany: [String: Set<String>]
    /// Every attributed export by company name, likewise.
    public var exportsByCompany: [String: Set<String>]
    public var unattributedExports: Set<String>
    public var unattributedBackups: Set<String>

    public init(findings: Set<FindingKey> = [], ticks: Set<TickKey> = [], companies: [Company] = [],
                backupsByCompany: [String: Set<String>] = [:], exportsByCompany: [String: Set<String>] = [:],
                unattributedExports: Set<String> = [], unattributedBackups: Set<String> = []) {
        self.findings = findings
        self.ticks = ticks
        self.companies = companies
        self.backupsByCompany = backupsByCompany
        self.exportsByCompany = exportsByCompany
        self.unattributedExports = unattributedExports
        self.unattributedBackups = unattributedBackups
    }

    /// Reads the parts of `results` that belong to `pack`.
    public init(_ results: AuditResults, pack: String) {
        let inventory = results.inventory
        let labels = Dictionary(inventory.roots.map { ($0.index, String($0.path.split(separator: "/").last ?? "")) },
                                uniquingKeysWith: { first, _ in first })
        func place(_ location: Location) -> String { "\(labels[location.root] ?? "?")/\(location.path)" }
        let prefix = pack + "/"

        var findings = Set<FindingKey>()
        for finding in results.findings where finding.ruleID.hasPrefix(prefix) {
            let rule = String(finding.ruleID.dropFirst(prefix.count))
            let subject = finding.subject
            switch subject.kind {
            case .company:
                findings.insert(FindingKey(rule: rule, subject: "company \(subject.name)"))
            case .host:
                // A host subject has no location today: it is the root (or roots) whose OS it names.
                let roots = subject.location.map { [$0.root] }
                    ?? inventory.roots.filter { $0.host.name == subject.name }.map(\.index)
                for root in roots { findings.insert(FindingKey(rule: rule, subject: "host \(labels[root] ?? "?")")) }
            case .installation, .file:
                let path = subject.location.map(place) ?? subject.name
                findings.insert(FindingKey(rule: rule, subject: "\(subject.kind.rawValue) \(path)"))
            case .program:
                findings.insert(FindingKey(rule: rule, subject: "program \(subject.name)"))
            }
        }
        self.findings = findings

        ticks = Set(results.checklist.filter { $0.id.hasPrefix(prefix) }.flatMap { step in
            step.items.filter(\.done).map {
                TickKey(company: $0.company ?? TickKey.global, step: String(step.id.dropFirst(prefix.count)))
            }
        })

        let backups = inventory.backups.filter { $0.product == pack }
        let exports = inventory.exports.filter { $0.product == pack }
        companies = inventory.companies.filter { $0.product == pack }.map { company in
            let files = company.dataFiles.map { file -> String in
                let path = file.location.path
                guard file.location.root == company.folder.root, path.isInside(company.folder.path),
                      path != company.folder.path else { return place(file.location) }
                return String(path.description.dropFirst(company.folder.path.description.count + 1))
            }
            return Company(name: company.name, root: labels[company.folder.root] ?? "?",
                           folder: company.folder.path.description, dataFiles: Set(files))
        }
        var backupsByCompany: [String: Set<String>] = [:]
        for backup in backups {
            for name in backup.companies { backupsByCompany[name, default: []].insert(place(backup.file.location)) }
        }
        var exportsByCompany: [String: Set<String>] = [:]
        for export in exports {
            for name in export.companies { exportsByCompany[name, default: []].insert(place(export.file.location)) }
        }
        self.backupsByCompany = backupsByCompany
        self.exportsByCompany = exportsByCompany
        unattributedExports = Set(exports.filter(\.companies.isEmpty).map { place($0.file.location) })
        unattributedBackups = Set(backups.filter(\.companies.isEmpty).map { place($0.file.location) })
    }
}

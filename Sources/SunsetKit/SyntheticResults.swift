import Foundation
import SunsetCore
import SunsetReport
import SunsetRules

/// Large made-up results for benchmarking the reporters (`Benchmarks/report`): an inventory of
/// many companies judged by the built-in packs, topped up with unreadable backups (one finding
/// each) until the findings reach the asked number. Deterministic for given numbers and date.
public enum SyntheticResults {
    /// Results with `companies` companies and at least `findings` findings (exactly, when the
    /// companies alone do not already give more).
    public static func make(companies: Int, findings: Int, asOf: CalendarDay) throws -> AuditResults {
        let packs = try PackSet.builtIn()
        let product = "invoice2go-classic"
        let base = asOf.startUTC
        func daysAgo(_ days: Int) -> Date { base.addingTimeInterval(-Double(days) * 86_400) }
        func file(_ path: String, days: Int, kind: String, mime: String) -> DataFile {
            DataFile(location: Location(root: 0, path: VolumePath(path)), size: 4096, modified: daysAgo(days), kind: kind, mime: mime)
        }
        var inventory = Inventory(roots: [ScanRoot(index: 0, path: "/mnt/synthetic", isWindowsVolume: true,
                                                   host: HostOS(family: "windows", name: "Windows 10", version: "10.0.19045",
                                                                build: 19045, isRunningSystem: false))])
        inventory.installations = [Installation(product: product, location: Location(root: 0, path: VolumePath("Program Files (x86)/Invoice2go")),
                                                evidence: [Evidence(signature: "installation.folders", detail: "synthetic",
                                                                    path: VolumePath("Program Files (x86)/Invoice2go"), confidence: .medium)])]
        for index in 0..<companies {
            let name = String(format: "Company %05d", index)
            let folder = "Users/user/Documents/Invoice2go/\(name)"
            let files = (0..<3).map { file("\(folder)/file-\($0).mdb", days: index % 30 + $0, kind: "Microsoft Access Database",
                                           mime: "application/x-msaccess") }
            inventory.companies.append(Company(product: product, name: name, folder: Location(root: 0, path: VolumePath(folder)),
                                               dataFiles: files, evidence: [Evidence(signature: "company.folders", detail: "synthetic",
                                                                                     path: VolumePath(folder), confidence: .high)]))
            if index % 2 == 0 {
                let place: Placement = index % 4 == 0 ? .cloud : .local
                inventory.backups.append(Backup(product: product, file: file("Users/user/\(place == .cloud ? "OneDrive" : "Backups")/\(name) backup.zip",
                                                                             days: index % 15, kind: "Zip archive data", mime: "application/zip"),
                                                companies: [name], readable: true, problem: nil, placement: place,
                                                cloudProvider: place == .cloud ? "OneDrive" : nil, evidence: []))
            }
        }
        inventory.coverage.files = companies * 6
        inventory.coverage.directories = companies + 10
        inventory.coverage.candidates = companies * 4
        let engine = RuleEngine(packs: packs)
        let judged = engine.evaluate(inventory, asOf: asOf).findings.count
        for extra in 0..<max(0, findings - judged) {
            let owner = String(format: "Company %05d", extra % max(companies, 1))
            inventory.backups.append(Backup(product: product, file: file("Users/user/Old/\(owner) backup \(extra).zip", days: 100,
                                                                         kind: "data", mime: "application/octet-stream"),
                                            companies: [owner], readable: false, problem: "truncated archive", placement: .local,
                                            cloudProvider: nil, evidence: []))
        }
        inventory.backups.sort { $0.file.location < $1.file.location }
        let outcome = engine.evaluate(inventory, asOf: asOf)
        return AuditResults(tool: ToolInfo(), asOf: asOf, packs: packs.map(\.info), inventory: inventory,
                            findings: outcome.findings, checklist: outcome.checklist)
    }

    /// Writes such results as `results.json`.
    public static func write(companies: Int, findings: Int, asOf: CalendarDay, to path: String) throws {
        let results = try make(companies: companies, findings: findings, asOf: asOf)
        try JSONReporter().render(ReportInput(results: results)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

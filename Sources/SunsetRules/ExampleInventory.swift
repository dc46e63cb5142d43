import Foundation
import SunsetCore
import Yams

/// Reads a rule's example: a small inventory written in YAML, judged at its own as-of date.
///
///     as-of: 2026-11-29                     # or relative to a pack date: support-end+1
///     warn-within: 30                       # optional, default 0
///     host: {family: windows, build: 19045} # optional, default unknown
///     installations: 1                      # a count, or a list of {path, version}
///     companies:
///       - name: Dupont
///         changed-days-ago: 2               # optional: when its data last changed
///         backup-only: true                 # optional: known only from a backup (no folder)
///         backups: [{days-ago: 8, where: cloud, readable: true}]
///         exports: [{kind: clients, days-ago: 1}]
///
/// Paths are made up from the names; every time is noon UTC, `days-ago` days before as-of.
enum ExampleInventory {
    static func load(_ yaml: StrictYAML, product: String, dates: [String: CalendarDay], fires: Bool) throws -> RuleExample {
        let fields = try yaml.fields(required: ["as-of"], optional: ["warn-within", "host", "installations", "companies", "programs"])
        let asOf = try day(fields["as-of"], dates: dates)
        let warnWithin = try fields.optional("warn-within")?.int() ?? 0
        if warnWithin < 0, let node = fields.optional("warn-within") { throw node.error("'warn-within' cannot be negative") }
        let builder = Builder(product: product, asOf: asOf)
        let host = try fields.optional("host").map(builder.host) ?? .unknown
        var inventory = Inventory(roots: [ScanRoot(index: 0, path: "/example", isWindowsVolume: true, host: host),
                                          ScanRoot(index: 1, path: "/example-other", isWindowsVolume: false, host: host)])
        if let node = fields.optional("installations") { inventory.installations = try builder.installations(node) }
        for item in try fields.optional("companies")?.list() ?? [] {
            try builder.company(item, into: &inventory)
        }
        if let node = fields.optional("programs") { inventory.installedPrograms = try ExamplePrograms.load(node) }
        let text = (try? Yams.serialize(node: yaml.node, width: -1, allowUnicode: true)) ?? ""
        return RuleExample(fires: fires, inventory: inventory, asOf: asOf, warnWithin: warnWithin,
                           location: yaml.location, yaml: text)
    }

    /// A date, or a pack date name with an optional offset in days: `support-end+1`.
    static func day(_ yaml: StrictYAML, dates: [String: CalendarDay]) throws -> CalendarDay {
        let text = try yaml.string()
        if let day = CalendarDay(text) ?? dates[text] { return day }
        guard let match = text.wholeMatch(of: #/([a-z][a-z0-9-]*?)(?:([+-])(\d+))?/#),
              let base = dates[String(match.output.1)] else {
            let name = text.replacing(#/[+-]\d+$/#, with: "")
            throw yaml.error("'\(text)' is neither a date YYYY-MM-DD nor a pack date with an offset (e.g. support-end+1)"
                             + Spelling.hint(for: name, among: Array(dates.keys)))
        }
        let offset = match.output.3.flatMap { Int($0) } ?? 0
        return base.adding(days: match.output.2 == "-" ? -offset : offset)
    }

    /// Makes inventory records with made-up paths and noon-UTC times.
    private struct Builder {
        let product: String
        let asOf: CalendarDay
        let evidence = [Evidence(signature: "example", detail: "written in the rule pack", confidence: .high)]

        func time(_ daysAgo: StrictYAML) throws -> Date {
            let days = try daysAgo.int()
            return asOf.adding(days: -days).startUTC.addingTimeInterval(12 * 3600)
        }

        func file(_ root: Int, _ path: String, _ modified: Date) -> DataFile {
            DataFile(location: Location(root: root, path: VolumePath(path)), size: 1024, modified: modified,
                     kind: "example data", mime: "application/octet-stream")
        }

        func host(_ yaml: StrictYAML) throws -> HostOS {
            let fields = try yaml.fields(required: ["family"], optional: ["build", "name"])
            let family = try fields["family"].string()
            let build = try fields.optional("build")?.int()
            let name = try fields.optional("name")?.string() ?? ([family] + (build.map { ["build \($0)"] } ?? [])).joined(separator: " ")
            return HostOS(family: family, name: name, build: build, isRunningSystem: false, evidence: evidence)
        }

        func installations(_ yaml: StrictYAML) throws -> [Installation] {
            if case .scalar = yaml.node {
                let count = try yaml.int()
                guard count >= 0 else { throw yaml.error("a count cannot be negative") }
                return (0..<count).map { index in
                    Installation(product: product, location: Location(root: 0, path: VolumePath("Program Files/\(product)\(index == 0 ? "" : " \(index + 1)")")),
                                 evidence: evidence)
                }
            }
            return try yaml.list().map { item in
                let fields = try item.fields(required: [], optional: ["path", "version"])
                let path = try fields.optional("path")?.string() ?? "Program Files/\(product)"
                return Installation(product: product, location: Location(root: 0, path: VolumePath(path)),
                                    version: try fields.optional("version")?.string(), evidence: evidence)
            }
        }

        func company(_ yaml: StrictYAML, into inventory: inout Inventory) throws {
            let fields = try yaml.fields(required: ["name"], optional: ["changed-days-ago", "backups", "exports", "backup-only"])
            let name = try fields["name"].string()
            let backupOnly = try fields.optional("backup-only")?.bool() ?? false
            if backupOnly, let node = fields.optional("changed-days-ago") {
                throw node.error("a company known only from a backup has no data files to have changed")
            }
            // A company known only from a backup "lives" in that backup's archive.
            let folder = backupOnly ? "Users/example/Documents/Backups/\(name) backup 1.zip" : "Users/example/Documents/\(product)/\(name)"
            let files = try fields.optional("changed-days-ago").map { [file(0, "\(folder)/data.db", try time($0))] } ?? []
            inventory.companies.append(Company(product: product, name: name, folder: Location(root: 0, path: VolumePath(folder)),
                                               dataFiles: files, evidence: evidence, backupOnly: backupOnly ? true : nil))
            for (index, item) in try (fields.optional("backups")?.list() ?? []).enumerated() {
                inventory.backups.append(try backup(item, company: name, index: index))
            }
            for (index, item) in try (fields.optional("exports")?.list() ?? []).enumerated() {
                let exportFields = try item.fields(required: ["kind", "days-ago"])
                let kind = try exportFields["kind"].choice(ExportKind.self)
                let path = "Users/example/Documents/Exports/\(name) \(kind.rawValue) \(index + 1).csv"
                inventory.exports.append(Export(product: product, kind: kind, file: file(0, path, try time(exportFields["days-ago"])),
                                                companies: [name], evidence: evidence))
            }
        }

        func backup(_ yaml: StrictYAML, company: String, index: Int) throws -> Backup {
            let fields = try yaml.fields(required: ["days-ago"], optional: ["where", "readable", "problem", "provider"])
            let placement = try fields.optional("where")?.choice(Placement.self) ?? .local
            let provider = placement == .cloud ? try fields.optional("provider")?.string() ?? "OneDrive" : nil
            let folder: String
            switch placement {
            case .local: folder = "Users/example/Documents/Backups"
            case .cloud: folder = "Users/example/\(provider ?? "OneDrive")"
            case .otherVolume: folder = "Backups"
            }
            let readable = try fields.optional("readable")?.bool() ?? true
            return Backup(product: product, file: file(placement == .otherVolume ? 1 : 0, "\(folder)/\(company) backup \(index + 1).zip",
                                                       try time(fields["days-ago"])),
                          companies: [company], readable: readable, problem: try fields.optional("problem")?.string(),
                          placement: placement, cloudProvider: provider, evidence: evidence)
        }
    }
}

import Foundation
import SunsetCore
import SunsetReadable
import SunsetRescue
import SunsetRules
import SunsetScan

/// `sunset rescue` and `sunset verify`: the verified offline copy of all legacy data.
public enum Rescue {
    /// Scans the roots with the packs to learn what to save, then copies it into a BagIt bag.
    public static func run(_ options: RescueOptions) throws -> RescueReport {
        try BagWriter.precheck(destination: options.destination, roots: options.roots)
        let packs = try PackSet.load(extra: options.rulePaths)
        let inventory = try Scanning.inventory(roots: options.roots, excludes: [], packs: packs)
        let plan = RescuePlan(inventory: inventory, includeProgram: options.includeProgram,
                              productNames: Dictionary(packs.map { ($0.id, $0.product.name) }, uniquingKeysWith: { $1 }), asOf: options.asOf)
        let line = ProgressLine.forTerminal()
        defer { line?.finish() }
        var settings = BagSettings(asOf: options.asOf, sourceOrganization: options.sourceOrganization,
                                   agent: "\(BagIt.agentName) \(SunsetVersion.current)", pacer: options.pacer)
        if let line {
            settings.progress = { @Sendable progress in line.show { _ in text(progress) } }
            settings.step = { @Sendable step in line.show { _ in step } }
        }
        settings.readable = options.readable ? ReadableSettings(convert: converter()) : nil
        return try BagWriter(destination: options.destination, plan: plan, settings: settings).run()
    }

    /// The converter rescue uses: the reader runs in a child `sunset` process when one can be
    /// found, so that a crash inside a format library costs only that database's copies.
    static func converter() -> DatabaseConverter {
        let isolated = IsolatedConversion.forThisProcess()
        return { path, name, folder, formats in
            switch isolated.convert(path, sourceName: name, to: folder, formats: formats) {
            case let .converted(report): return .success(report)
            case let .failed(reason): return .failure(ConversionFailure(reason: reason))
            }
        }
    }

    /// The progress line's text: files and MiB copied of those this run copies.
    static func text(_ progress: RescueProgress) -> String {
        let mebibyte = 1_048_576.0
        return String(format: "copying: %d of %d files, %.1f of %.1f MiB", progress.files, progress.totalFiles,
                      Double(progress.bytes) / mebibyte, Double(progress.totalBytes) / mebibyte)
    }

    /// Checks a bag completely.
    public static func verify(bag: String) throws -> BagVerification {
        try BagVerifier(bag: bag).verify()
    }

    /// The lines `rescue` prints.
    public static func summary(_ report: RescueReport) -> String {
        var lines = ["Bag written to \(report.bag)"]
        lines.append("  \(report.files) file(s), \(report.bytes) bytes: \(report.copied) copied and verified now, "
                     + "\(report.alreadyVerified) already verified by an earlier run"
                     + (report.keptFromEarlier > 0 ? ", \(report.keptFromEarlier) kept from an earlier run" : ""))
        if !report.companies.isEmpty { lines.append("  saved whole: \(report.companies.joined(separator: ", "))") }
        if !report.incompleteCompanies.isEmpty {
            lines.append("  NOT complete: \(report.incompleteCompanies.joined(separator: ", "))")
        }
        for item in report.notSaved { lines.append("  not saved: \(item.place): \(item.reason)") }
        lines += databaseLines(report)
        if report.skipped > 0 { lines.append("  \(report.skipped) link(s) or special file(s) not copied (see sunset-index.md)") }
        lines.append("Check it at any time with: sunset verify \(report.bag)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// What became of the databases: how many were converted, and every gap.
    static func databaseLines(_ report: RescueReport) -> [String] {
        guard !report.databases.isEmpty else { return [] }
        let converted = report.databases.filter { $0.status == .converted }
        var lines = ["  databases: \(report.databases.count); readable copies (CSV, SQLite, workbook) of \(converted.count) "
                     + "beside the originals (\(report.convertedNow) converted now, \(report.alreadyConverted) by an earlier run)"]
        for database in report.databases {
            switch database.status {
            case .notRead:
                lines.append("  not read: \(database.payload): \(database.reason ?? "")")
            case .failed:
                lines.append("  NOT converted: \(database.payload): \(database.reason ?? "")")
            case .converted:
                for gap in database.gaps { lines.append("  gap: \(database.payload): \(gap)") }
                for table in database.tables {
                    for gap in table.gaps { lines.append("  gap: \(database.payload), table '\(table.name)': \(gap)") }
                }
            }
        }
        return lines
    }

    /// The lines `verify` prints: each problem, then the verdict.
    public static func text(_ verification: BagVerification) -> String {
        var lines = verification.problems.map(\.description)
        if verification.isValid {
            lines.append("valid: \(verification.bag): \(verification.files) file(s), \(verification.bytes) bytes, "
                         + "every \(verification.algorithms.joined(separator: " and ")) checksum matches")
        } else {
            lines.append("NOT valid: \(verification.bag): \(verification.problems.count) problem(s)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

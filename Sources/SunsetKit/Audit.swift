import Foundation
import SunsetCore
import SunsetReport
import SunsetRules
import SunsetScan

/// The audit pipeline: scan the roots, judge with the packs, write the reports.
public enum Audit {
    /// What an audit produced.
    public struct Outcome: Sendable {
        public var results: AuditResults
        /// Files written (empty when writing to standard output).
        public var written: [String]
        /// The report, when `--output -` asked for standard output.
        public var stdout: Data?
        /// Seconds the scan and evaluation took (not part of the results, which stay deterministic).
        public var seconds: Double
    }

    /// Runs a whole audit.
    public static func run(_ options: AuditOptions) throws -> Outcome {
        if options.output == "-" && options.formats.count != 1 { throw KitError.stdoutNeedsOneFormat }
        let started = Date()
        let templates = try TemplateSet(overrides: options.templates)
        let results = try judge(roots: options.roots, asOf: options.asOf, rulePaths: options.rulePaths,
                                excludes: options.excludes, language: options.language,
                                warnWithin: options.warnWithin, waivers: options.waivers)
        let seconds = Date().timeIntervalSince(started)
        if options.output == "-" {
            let data = try options.formats[0].reporter(templates: templates).render(results, language: options.language)
            return Outcome(results: results, written: [], stdout: data, seconds: seconds)
        }
        let writer = try ReportWriter(folder: options.output, roots: results.inventory.roots.map(\.path), force: options.force)
        var written: [String] = []
        for format in options.formats {
            let data = try format.reporter(templates: templates).render(results, language: options.language)
            written.append(try writer.write(data, named: format.fileName))
        }
        return Outcome(results: results, written: written, stdout: nil, seconds: seconds)
    }

    /// Loads the packs, OS tables and waivers the options name, then scans and judges.
    public static func judge(roots: [String], asOf: CalendarDay, rulePaths: [String], excludes: [String],
                             language: Language, warnWithin: Int, waivers: String?) throws -> AuditResults {
        let packs = try PackSet.load(extra: rulePaths)
        let osReleases = try PackSet.osReleases(extra: rulePaths)
        let waiverSet = try waivers.map {
            try WaiverSet.load(contentsOf: URL(fileURLWithPath: $0), knownRules: packs.flatMap(\.rules).map(\.fullID))
        } ?? .none
        return try evaluate(roots: roots, asOf: asOf, packs: packs, excludes: excludes, language: language,
                            warnWithin: warnWithin, osReleases: osReleases, waivers: waiverSet)
    }

    /// Scans and judges, without writing anything: the packs' findings, with the waivers
    /// applied, and the checklist.
    public static func evaluate(roots: [String], asOf: CalendarDay, packs: [RulePack], excludes: [String] = [],
                                language: Language = .en, warnWithin: Int = 0,
                                osReleases: OSReleases = PackSet.builtInOSReleases,
                                waivers: WaiverSet = .none) throws -> AuditResults {
        let inventory = try Scanning.inventory(roots: roots, excludes: excludes, packs: packs)
        let evaluation = Evaluation(asOf: asOf, warnWithin: warnWithin, osReleases: osReleases)
        let outcome = RuleEngine(packs: packs, language: language).evaluate(inventory, evaluation)
        let findings = waivers.apply(to: outcome.findings, asOf: asOf, language: language)
        return AuditResults(tool: ToolInfo(), asOf: asOf, packs: packs.map(\.info), inventory: inventory,
                            findings: findings, checklist: outcome.checklist)
    }
}

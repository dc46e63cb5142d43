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
        /// What the reporters rendered, for the terminal summary.
        public var input: ReportInput
        public var templates: TemplateSet
    }

    /// Runs a whole audit.
    public static func run(_ options: AuditOptions) throws -> Outcome {
        if options.output == "-" && options.formats.count != 1 { throw KitError.stdoutNeedsOneFormat }
        let started = Date()
        // The report templates parse on another core while the packs load, the two slowest
        // parts of starting an audit. A bad template is still the first error reported, and
        // stops the audit before the scan.
        let parsing = Background { [templates = options.templates] in try TemplateSet(overrides: templates) }
        let loading = Result { try Judging(rulePaths: options.rulePaths, waivers: options.waivers) }
        let templates = try parsing.value()
        let judging = try loading.get()
        let (results, packs) = try judging.judge(roots: options.roots, asOf: options.asOf, excludes: options.excludes,
                                                 language: options.language, warnWithin: options.warnWithin)
        let seconds = Date().timeIntervalSince(started)
        let lifecycle = HostLifecycle.lookup(try PackSet.osReleases(extra: options.rulePaths))
        let input = ReportInput(results: results, language: options.language, packs: packs, failOn: options.failOn,
                                duration: options.recordsDuration ? seconds : nil, hostLifecycle: lifecycle)
        let published = try Publisher.publish(input, formats: options.formats, templates: templates,
                                              output: options.output, force: options.force)
        return Outcome(results: results, written: published.written, stdout: published.stdout, seconds: seconds,
                       input: input, templates: templates)
    }

    /// Loads the packs, OS tables and waivers the options name, then scans and judges.
    /// Returns the results and the packs they were judged with.
    public static func judge(roots: [String], asOf: CalendarDay, rulePaths: [String], excludes: [String],
                             language: Language, warnWithin: Int,
                             waivers: String?, state: String? = nil) throws -> (results: AuditResults, packs: [RulePack]) {
        try Judging(rulePaths: rulePaths, waivers: waivers)
            .judge(roots: roots, asOf: asOf, excludes: excludes, language: language, warnWithin: warnWithin, state: state)
    }

    /// The packs, OS tables and waivers an audit judges with, loaded before it scans.
    private struct Judging {
        var packs: [RulePack]
        var osReleases: OSReleases
        var waivers: WaiverSet

        init(rulePaths: [String], waivers: String?) throws {
            // The OS tables are read on another core while the packs load; an error in the
            // packs is still the one reported first.
            let tables = Background { try PackSet.osReleases(extra: rulePaths) }
            let packs = try PackSet.load(extra: rulePaths)
            self.packs = packs
            osReleases = try tables.value()
            self.waivers = try waivers.map {
                try WaiverSet.load(contentsOf: URL(fileURLWithPath: $0), knownRules: packs.flatMap(\.rules).map(\.fullID))
            } ?? .none
        }

        /// Scans the roots and judges what was found.
        func judge(roots: [String], asOf: CalendarDay, excludes: [String], language: Language,
                   warnWithin: Int, state: String? = nil) throws -> (results: AuditResults, packs: [RulePack]) {
            let results = try evaluate(roots: roots, asOf: asOf, packs: packs, excludes: excludes, language: language,
                                       warnWithin: warnWithin, osReleases: osReleases, waivers: waivers, state: state)
            return (results, packs)
        }
    }

    /// Scans and judges, without writing anything: the packs' findings, with the waivers
    /// applied, and the checklist.
    public static func evaluate(roots: [String], asOf: CalendarDay, packs: [RulePack], excludes: [String] = [],
                                language: Language = .en, warnWithin: Int = 0,
                                osReleases: OSReleases = PackSet.builtInOSReleases,
                                waivers: WaiverSet = .none, state: String? = nil) throws -> AuditResults {
        let inventory = try Scanning.inventory(roots: roots, excludes: excludes, packs: packs, state: state)
        let evaluation = Evaluation(asOf: asOf, warnWithin: warnWithin, osReleases: osReleases)
        let outcome = RuleEngine(packs: packs, language: language).evaluate(inventory, evaluation)
        let findings = waivers.apply(to: outcome.findings, asOf: asOf, language: language)
        return AuditResults(tool: ToolInfo(), asOf: asOf, packs: packs.map(\.info), inventory: inventory,
                            findings: findings, checklist: outcome.checklist)
    }
}

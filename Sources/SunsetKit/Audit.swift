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
        let packs = try PackSet.load(extra: options.rulePaths)
        let templates = try TemplateSet(overrides: options.templates)
        let results = try evaluate(roots: options.roots, asOf: options.asOf, packs: packs,
                                   excludes: options.excludes, language: options.language)
        let seconds = Date().timeIntervalSince(started)
        let input = ReportInput(results: results, language: options.language, packs: packs, failOn: options.failOn,
                                duration: options.recordsDuration ? seconds : nil)
        let published = try Publisher.publish(input, formats: options.formats, templates: templates,
                                              output: options.output, force: options.force)
        return Outcome(results: results, written: published.written, stdout: published.stdout, seconds: seconds,
                       input: input, templates: templates)
    }

    /// Scans and judges, without writing anything.
    public static func evaluate(roots: [String], asOf: CalendarDay, packs: [RulePack], excludes: [String] = [],
                                language: Language = .en) throws -> AuditResults {
        let inventory = try Scanner(options: ScanOptions(roots: roots, excludes: excludes,
                                                         signatures: packs.map(\.signatures))).scan()
        let outcome = RuleEngine(packs: packs, language: language).evaluate(inventory, asOf: asOf)
        return AuditResults(tool: ToolInfo(), asOf: asOf, packs: packs.map(\.info), inventory: inventory,
                            findings: outcome.findings, checklist: outcome.checklist)
    }
}

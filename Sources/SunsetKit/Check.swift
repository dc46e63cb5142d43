import Foundation
import SunsetCore
import SunsetReport
import SunsetRules

/// Everything `sunset check` needs, already parsed.
public struct CheckOptions: Sendable {
    /// How the result is told.
    public enum Mode: Sendable { case plain, nagios, github }

    public var roots: [String]
    public var asOf: CalendarDay
    public var rulePaths: [String] = []
    public var excludes: [String] = []
    public var waivers: String?
    public var warnWithin = 0
    public var failOn: Severity = .high
    public var mode: Mode = .plain
    /// Nagios: findings at or above these make WARNING and CRITICAL.
    public var warning: Severity = .medium
    public var critical: Severity = .high
    /// A textfile-collector file to write the metrics to.
    public var prometheus: String?
    /// A state file: folders unchanged since the run that wrote it are not listed again.
    public var state: String?

    public init(roots: [String], asOf: CalendarDay) {
        self.roots = roots
        self.asOf = asOf
    }
}

/// `sunset check`: the audit's verdict as an exit code and a few lines, for CI and monitoring.
public enum Check {
    /// What to print and the exit code.
    public struct Outcome: Sendable {
        public var output: String
        public var status: Int32
    }

    /// Runs the check. Errors (bad rules, waivers, roots) become exit 2, or UNKNOWN (3) in
    /// Nagios mode, with the reason on one line.
    public static func run(_ options: CheckOptions, now: Date = Date()) -> Outcome {
        do {
            let (results, packs) = try Audit.judge(roots: options.roots, asOf: options.asOf, rulePaths: options.rulePaths,
                                                   excludes: options.excludes, language: .en,
                                                   warnWithin: options.warnWithin, waivers: options.waivers,
                                                   state: options.state)
            let facts = HealthFacts(results, supportEnds: packs.reduce(into: [:]) { $0[$1.id] = $1.product.dates["support-end"] })
            if let path = options.prometheus {
                let writer = try ReportWriter(folder: (path as NSString).deletingLastPathComponent.isEmpty
                                                  ? "." : (path as NSString).deletingLastPathComponent,
                                              roots: results.inventory.roots.map(\.path), force: false)
                _ = try writer.write(Data(PrometheusText.render(facts, now: Int(now.timeIntervalSince1970)).utf8),
                                     named: (path as NSString).lastPathComponent)
            }
            let failing = facts.count(atLeast: options.failOn) > 0
            switch options.mode {
            case .plain:
                return Outcome(output: CheckLines.render(results, failOn: options.failOn), status: failing ? 1 : 0)
            case .github:
                return Outcome(output: GitHubAnnotations.render(results, failOn: options.failOn)
                                   + CheckLines.render(results, failOn: options.failOn).split(separator: "\n").last! + "\n",
                               status: failing ? 1 : 0)
            case .nagios:
                let status = NagiosStatus(results, facts: facts, warning: options.warning, critical: options.critical)
                return Outcome(output: status.line + "\n", status: status.state.rawValue)
            }
        } catch {
            let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            if options.mode == .nagios {
                let status = NagiosStatus.unknown(reason)
                return Outcome(output: status.line + "\n", status: status.state.rawValue)
            }
            return Outcome(output: "sunset: error: \(CheckLines.oneLine(reason))\n", status: 2)
        }
    }
}

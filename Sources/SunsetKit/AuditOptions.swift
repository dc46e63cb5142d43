import Foundation
import SunsetCore
import SunsetReport
import SunsetRules

/// Everything `sunset audit` needs, already parsed.
public struct AuditOptions: Sendable {
    public var roots: [String]
    public var asOf: CalendarDay
    public var rulePaths: [String]
    public var excludes: [String]
    public var formats: [Format]
    /// A folder, or "-" for standard output.
    public var output: String
    public var language: Language
    public var templates: String?
    public var force: Bool
    /// Upcoming dates within this many days become findings (`--warn-within`).
    public var warnWithin: Int
    /// The waivers file to apply, nil for none.
    public var waivers: String?
    /// Findings at or above this severity are failures in JUnit (`--fail-on`).
    public var failOn: Severity
    /// False for reproducible runs (`--as-of` given): the wall-clock duration then stays out
    /// of every report so that two runs give the same bytes.
    public var recordsDuration: Bool

    /// Options with the defaults of the command line for everything not given.
    public init(roots: [String], asOf: CalendarDay, rulePaths: [String] = [], excludes: [String] = [],
                formats: [Format] = Format.defaults, output: String = "sunset-report", language: Language = .en,
                templates: String? = nil, force: Bool = false, warnWithin: Int = 0, waivers: String? = nil,
                failOn: Severity = .high, recordsDuration: Bool = false) {
        self.roots = roots
        self.asOf = asOf
        self.rulePaths = rulePaths
        self.excludes = excludes
        self.formats = formats
        self.output = output
        self.language = language
        self.templates = templates
        self.force = force
        self.warnWithin = warnWithin
        self.waivers = waivers
        self.failOn = failOn
        self.recordsDuration = recordsDuration
    }

    /// The waivers file read when `--waivers` is not given, if it exists in the working folder.
    public static let defaultWaiversFile = ".sunset-waivers.yaml"

    /// `--waivers FILE` as given, else the default file when it exists, else none.
    public static func waiversFile(_ given: String?) -> String? {
        if let given { return given }
        return FileManager.default.fileExists(atPath: defaultWaiversFile) ? defaultWaiversFile : nil
    }

    /// Checks `--warn-within`: a number of days, zero or more.
    public static func warnWithin(_ days: Int?) throws -> Int {
        guard let days else { return 0 }
        guard days >= 0 else { throw KitError.badWarnWithin(days) }
        return days
    }

    /// Parses `--as-of`; nil means today on the local calendar.
    public static func day(_ text: String?) throws -> CalendarDay {
        guard let text else { return CalendarDay(Date()) }
        guard let day = CalendarDay(text) else { throw KitError.badDate(text) }
        return day
    }

    /// Parses `--format md,html,json,sarif,junit` (each format once, in the order given).
    public static func formats(_ text: String?) throws -> [Format] {
        guard let text else { return Format.defaults }
        var seen = Set<Format>()
        return try text.split(separator: ",", omittingEmptySubsequences: false).compactMap { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let format = Format(rawValue: name) else {
                throw KitError.badFormat(name, known: Format.allCases.map(\.rawValue))
            }
            return seen.insert(format).inserted ? format : nil
        }
    }

    /// Parses `--fail-on`.
    public static func severity(_ text: String) throws -> Severity {
        guard let severity = Severity(rawValue: text) else {
            throw KitError.badSeverity(text, known: Severity.allCases.map(\.rawValue))
        }
        return severity
    }

    /// The folders scanned when none are given: the home folder, and under WSL the
    /// Windows drive roots mounted at `/mnt/<letter>`.
    public static func defaultRoots() -> [String] {
        var roots = [FileManager.default.homeDirectoryForCurrentUser.path]
        if let kernel = try? String(contentsOfFile: "/proc/version", encoding: .utf8), kernel.lowercased().contains("microsoft") {
            let drives = (try? FileManager.default.contentsOfDirectory(atPath: "/mnt")) ?? []
            roots += drives.filter { $0.count == 1 }.sorted().map { "/mnt/\($0)" }
        }
        return roots
    }
}

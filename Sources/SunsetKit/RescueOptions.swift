import Foundation
import SunsetCore
import SunsetRescue

/// Everything `sunset rescue` needs, already parsed.
public struct RescueOptions: Sendable {
    public var roots: [String]
    /// The bag's folder (`--to`).
    public var destination: String
    public var includeProgram: Bool
    public var sourceOrganization: String?
    public var asOf: CalendarDay
    public var rulePaths: [String]
    /// Slows each copied chunk down; from `SUNSET_TEST_COPY_DELAY_MS`, for tests only.
    public var pacer: CopyPacer
    /// Make readable copies (CSV, SQLite, workbook) of the databases saved (`--no-readable`: false).
    public var readable: Bool

    /// The environment variable that slows copying down, so that tests can stop a rescue half-way.
    public static let copyDelayVariable = "SUNSET_TEST_COPY_DELAY_MS"

    public init(roots: [String], destination: String, includeProgram: Bool = false, sourceOrganization: String? = nil,
                asOf: CalendarDay, rulePaths: [String] = [], pacer: CopyPacer = CopyPacer(), readable: Bool = true) {
        self.roots = roots
        self.destination = destination
        self.includeProgram = includeProgram
        self.sourceOrganization = sourceOrganization
        self.asOf = asOf
        self.rulePaths = rulePaths
        self.pacer = pacer
        self.readable = readable
    }

    /// Builds options from raw command-line values and the environment.
    public static func parse(roots: [String], to destination: String, includeProgram: Bool, sourceOrganization: String?,
                             asOf: String?, rules: [String], readable: Bool = true,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RescueOptions {
        var pacer = CopyPacer()
        if let text = environment[copyDelayVariable], let milliseconds = Double(text), milliseconds > 0 {
            pacer.delayPerChunk = milliseconds / 1000
        }
        let absolute = (roots.isEmpty ? AuditOptions.defaultRoots() : roots).map {
            URL(fileURLWithPath: $0).standardizedFileURL.path
        }
        return RescueOptions(roots: absolute, destination: destination, includeProgram: includeProgram,
                             sourceOrganization: sourceOrganization, asOf: try AuditOptions.day(asOf),
                             rulePaths: rules, pacer: pacer, readable: readable)
    }
}

import Foundation
import SunsetCore
import SunsetRules

/// Turns audit results into one output format.
public protocol Reporter: Sendable {
    /// The bytes of the file (or of standard output) for these results.
    func render(_ input: ReportInput) throws -> Data
}

/// Why a report could not be produced or written.
public enum ReportError: Error, LocalizedError, Equatable {
    case template(name: String, reason: String)
    case wouldOverwrite(String)
    case cannotWrite(String, reason: String)
    case unreadableResults(String, reason: String)
    case newerSchema(String, version: Int, supported: Int)

    public var errorDescription: String? {
        switch self {
        case let .template(name, reason): return "report template '\(name)' is invalid: \(reason)"
        case let .wouldOverwrite(path): return "'\(path)' exists and was not written by sunset; refusing to overwrite it (use --force)"
        case let .cannotWrite(path, reason): return "cannot write '\(path)': \(reason)"
        case let .unreadableResults(path, reason): return "cannot read results from '\(path)': \(reason)"
        case let .newerSchema(path, version, supported):
            return "'\(path)' has results schema version \(version); this sunset reads version \(supported) — use a newer sunset"
        }
    }
}

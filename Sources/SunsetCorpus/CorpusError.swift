import SunsetRules
import Foundation

/// Why the corpus could not be read or run: a bad case file, a missing folder, a failed audit.
/// A case whose results differ from its expectations is not an error but misses in its score.
public enum CorpusError: Error, LocalizedError, Equatable {
    case invalid(file: String, line: Int, keyPath: String, reason: String)
    case unreadable(file: String, reason: String)
    case noCases(folder: String)
    case auditFailed(caseName: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .invalid(file, line, keyPath, reason):
            let place = keyPath.isEmpty ? "" : " at '\(keyPath)'"
            return "\(file) line \(line)\(place): \(reason)"
        case let .unreadable(file, reason): return "cannot read \(file): \(reason)"
        case let .noCases(folder): return "no case files (*.yaml) in \(folder)"
        case let .auditFailed(name, reason): return "case \(name): the audit could not run: \(reason)"
        }
    }
}

extension CorpusError {
    /// A case file's problem as the strict YAML reader of the rules stage reports it.
    init(_ error: RulePackError) {
        switch error {
        case let .invalid(file, line, _, keyPath, reason): self = .invalid(file: file, line: line, keyPath: keyPath, reason: reason)
        case let .syntax(file, line, _, reason): self = .invalid(file: file, line: line, keyPath: "", reason: "not valid YAML: \(reason)")
        case let .unreadable(file, reason): self = .unreadable(file: file, reason: reason)
        case let .several(errors): self = errors.first.map { CorpusError($0) } ?? .unreadable(file: "", reason: "\(error)")
        }
    }
}

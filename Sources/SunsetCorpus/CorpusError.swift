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

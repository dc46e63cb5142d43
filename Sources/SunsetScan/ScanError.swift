import Foundation

/// Why a scan could not run at all. What could not be read inside a root is a coverage
/// gap in the inventory, not an error.
public enum ScanError: Error, Equatable, LocalizedError {
    case unreadableRoot(String, reason: String)
    case notAFolder(String)
    case magicUnavailable(String)
    /// The state file could not be written (the scan itself went well).
    case stateNotWritten(String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .unreadableRoot(path, reason): return "cannot read scan root '\(path)': \(reason)"
        case let .notAFolder(path): return "scan root '\(path)' is not a folder"
        case let .magicUnavailable(reason): return "content identification (libmagic) is unavailable: \(reason)"
        case let .stateNotWritten(path, reason): return "cannot write the state file '\(path)': \(reason)"
        }
    }
}

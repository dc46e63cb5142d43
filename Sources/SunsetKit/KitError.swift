import Foundation

/// Why a command could not run, beyond the errors of the stages it wires together.
public enum KitError: Error, LocalizedError, Equatable {
    case badDate(String)
    case badFormat(String, known: [String])
    case outputInsideRoot(output: String, root: String)
    case stdoutNeedsOneFormat
    case demoFolderNotEmpty(String)
    case badWarnWithin(Int)
    case badSeverity(String, known: [String])
    case badLanguage(String, known: [String])
    case badColor(String, known: [String])
    /// `sunset convert`: a path that is missing, no database, or a folder holding none.
    case notConvertible(String)

    public var errorDescription: String? {
        switch self {
        case let .badDate(text): return "'\(text)' is not a date; write YYYY-MM-DD, e.g. 2026-11-29"
        case let .badFormat(text, known): return "unknown format '\(text)'; choose from \(known.joined(separator: ", "))"
        case let .outputInsideRoot(output, root):
            return "the output folder '\(output)' lies inside the scan root '\(root)'; a scan never writes there — choose another --output"
        case .stdoutNeedsOneFormat: return "--output - writes to standard output and takes exactly one --format"
        case let .demoFolderNotEmpty(path): return "the demo folder '\(path)' is not empty; give a new or empty folder"
        case let .badWarnWithin(days): return "--warn-within takes a number of days, 0 or more, not \(days)"
        case let .badSeverity(text, known): return "unknown severity '\(text)'; choose from \(known.joined(separator: ", "))"
        case let .badLanguage(text, known): return "unknown language '\(text)'; choose from \(known.joined(separator: ", "))"
        case let .badColor(text, known): return "unknown --color '\(text)'; choose from \(known.joined(separator: ", "))"
        case let .notConvertible(reason): return reason
        }
    }
}

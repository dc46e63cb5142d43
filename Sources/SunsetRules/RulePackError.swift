import Foundation

/// Why a rule pack (or waivers file) could not be loaded. Every case names the file and,
/// where there is one, the line, column and key path, and says what would fix it.
public enum RulePackError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The YAML itself does not parse.
    case syntax(file: String, line: Int, column: Int, reason: String)
    /// The YAML parses but breaks the schema.
    case invalid(file: String, line: Int, column: Int, keyPath: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read rule pack: \(reason)"
        case let .syntax(file, line, column, reason):
            return "\(file):\(line):\(column): YAML syntax error: \(reason)"
        case let .invalid(file, line, column, keyPath, reason):
            let at = keyPath.isEmpty ? "" : " at '\(keyPath)'"
            return "\(file):\(line):\(column)\(at): \(reason)"
        }
    }

    /// The line the error points at, when it has one.
    public var line: Int? {
        switch self {
        case .unreadable: return nil
        case let .syntax(_, line, _, _), let .invalid(_, line, _, _, _): return line
        }
    }
}

extension RulePackError: LocalizedError {
    public var errorDescription: String? { description }
}

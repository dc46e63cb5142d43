import Foundation

/// Why a rule pack, OS table or waivers file could not be loaded. Every case names the
/// file and, where there is one, the line, column and key path, and says what would fix it.
public indirect enum RulePackError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The YAML itself does not parse.
    case syntax(file: String, line: Int, column: Int, reason: String)
    /// The YAML parses but breaks the schema.
    case invalid(file: String, line: Int, column: Int, keyPath: String, reason: String)
    /// More than one of the above, in file order.
    case several([RulePackError])

    /// One line: the error, or the first of several and how many more there are.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .syntax(file, line, column, reason):
            return "\(file):\(line):\(column): YAML syntax error: \(reason)"
        case let .invalid(file, line, column, keyPath, reason):
            let at = keyPath.isEmpty ? "" : " at '\(keyPath)'"
            return "\(file):\(line):\(column)\(at): \(reason)"
        case let .several(errors):
            let more = errors.count - 1
            return (errors.first?.description ?? "") + " (and \(more) more problem\(more == 1 ? "" : "s"); `sunset rules validate` lists them all)"
        }
    }

    /// Every single error, flattened.
    public var all: [RulePackError] {
        if case let .several(errors) = self { return errors.flatMap(\.all) }
        return [self]
    }

    /// The error for a list of problems: nil when empty, the error itself when alone.
    static func combining(_ errors: [RulePackError]) -> RulePackError? {
        let flat = errors.flatMap(\.all)
        guard let first = flat.first else { return nil }
        return flat.count == 1 ? first : .several(flat)
    }

    /// The line the (first) error points at, when it has one.
    public var line: Int? { position?.line }

    /// The column the (first) error points at, when it has one.
    public var column: Int? { position?.column }

    private var position: (line: Int, column: Int)? {
        switch self {
        case .unreadable: return nil
        case let .syntax(_, line, column, _), let .invalid(_, line, column, _, _): return (line, column)
        case let .several(errors): return errors.first?.position
        }
    }
}

extension RulePackError: LocalizedError {
    public var errorDescription: String? { description }
}

/// Collects errors, so that one pass over a file reports every independent problem.
final class Diagnostics {
    private(set) var errors: [RulePackError] = []

    /// Runs `body`; a `RulePackError` is recorded and nil returned.
    func attempt<T>(_ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let error as RulePackError {
            errors += error.all
            return nil
        }
    }

    /// Records an error found outside `attempt`.
    func record(_ error: RulePackError) { errors += error.all }

    /// Throws what was collected, if anything.
    func check() throws {
        if let error = RulePackError.combining(errors) { throw error }
    }
}

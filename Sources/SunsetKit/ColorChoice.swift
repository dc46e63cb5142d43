import Foundation

/// When the terminal summary uses colour: `--color auto|always|never`.
public enum ColorChoice: String, CaseIterable, Sendable {
    /// Colour on a terminal, unless `NO_COLOR` is set to anything non-empty (no-color.org).
    case auto
    /// Colour even into a pipe or a file, and despite `NO_COLOR` (an explicit flag wins).
    case always
    /// Never colour.
    case never

    /// The help text for the option, shared by every command that prints the summary.
    public static let help = "When to colour the summary: auto (on a terminal, unless NO_COLOR is set), always or never."

    /// Reads the option's value; an unknown word is an error that lists the choices.
    public static func parse(_ text: String) throws -> ColorChoice {
        guard let choice = ColorChoice(rawValue: text.lowercased()) else {
            throw KitError.badColor(text, known: allCases.map(\.rawValue))
        }
        return choice
    }

    /// Whether to colour, given where standard output goes and the environment.
    public func enabled(isTerminal: Bool = isatty(STDOUT_FILENO) == 1,
                        environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}

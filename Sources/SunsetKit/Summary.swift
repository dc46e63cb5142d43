import Foundation
import SunsetCore
import SunsetReport

/// The few lines `audit` prints on the terminal after writing its reports.
public enum Summary {
    /// The summary as a compact table, in the audit's language, coloured when asked.
    public static func text(_ outcome: Audit.Outcome, colored: Bool = false) -> String {
        var input = outcome.input
        input.duration = outcome.seconds
        return TerminalSummary(templates: outcome.templates).render(input, written: outcome.written, colored: colored)
    }

    /// Colour only for a terminal, and never when `NO_COLOR` is set to anything non-empty
    /// (the no-color.org convention): `ColorChoice.auto`.
    public static func wantsColor(isTerminal: Bool = isatty(STDOUT_FILENO) == 1,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        ColorChoice.auto.enabled(isTerminal: isTerminal, environment: environment)
    }
}

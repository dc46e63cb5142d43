import Foundation
import SunsetReport
import Testing

/// The HTML report's colours, read from its template: every text colour on every
/// background of the same theme has a contrast ratio of at least 4.5:1 (WCAG 2 AA).
@Suite struct PaletteTests {
    static let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Reports/report.html.mustache")

    /// `--name: #rrggbb` declarations of one CSS block.
    static func variables(_ block: Substring) -> [String: String] {
        var found: [String: String] = [:]
        for match in block.matches(of: /--([a-z-]+):\s*(#[0-9a-fA-F]{6})/) { found[String(match.1)] = String(match.2) }
        return found
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func everyTextColourReadsOnEveryBackgroundInLightDarkAndPrint() throws {
        let css = try String(contentsOf: Self.template, encoding: .utf8)
        let light = try #require(css.range(of: ":root {")).lowerBound
        let dark = try #require(css.range(of: "@media (prefers-color-scheme: dark)")).lowerBound
        let print = try #require(css.range(of: "@media print")).lowerBound
        let lightVars = Self.variables(css[light..<dark])
        var darkVars = lightVars.merging(Self.variables(css[dark...].prefix { $0 != "}" })) { $1 }
        darkVars = darkVars.merging(Self.variables(css[dark...].prefix(800).split(separator: "}").first ?? "")) { $1 }
        let printVars = lightVars.merging(Self.variables(css[print...].split(separator: "}").first ?? "")) { $1 }
        let texts = ["fg", "muted", "critical", "high", "medium", "low", "info", "none", "ok", "open"]
        let backgrounds = ["bg", "card", "ok-bg"]
        #expect(lightVars.count >= texts.count + backgrounds.count)
        for (theme, vars) in [("light", lightVars), ("dark", darkVars), ("print", printVars)] {
            for text in texts {
                for background in backgrounds {
                    let (fg, bg) = (try #require(vars[text], "\(theme) --\(text)"), try #require(vars[background], "\(theme) --\(background)"))
                    let ratio = Self.contrast(fg, bg)
                    #expect(ratio >= 4.5, "\(theme): --\(text) \(fg) on --\(background) \(bg) is \(ratio):1")
                }
            }
        }
        #expect(lightVars["bg"] != darkVars["bg"], "the dark theme was not read")
    }
}

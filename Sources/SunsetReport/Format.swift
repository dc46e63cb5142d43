/// Every output format, each with its file name and reporter. Adding a case without a
/// reporter does not compile, and `--format` validates itself against `allCases`.
public enum Format: String, CaseIterable, Codable, Sendable {
    case md, html, json, sarif, junit

    /// The file name the format is written to inside `--output DIR`.
    public var fileName: String {
        switch self {
        case .md: return "report.md"
        case .html: return "report.html"
        case .json: return "results.json"
        case .sarif: return "results.sarif"
        case .junit: return "results.junit.xml"
        }
    }

    /// The reporter that renders it.
    public func reporter(templates: TemplateSet) -> any Reporter {
        switch self {
        case .md: return MarkdownReporter(templates: templates)
        case .html: return HTMLReporter(templates: templates)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(templates: templates)
        case .junit: return JUnitReporter(templates: templates)
        }
    }

    /// The formats `audit` writes when none are asked for.
    public static let defaults: [Format] = [.md, .html, .json]
}

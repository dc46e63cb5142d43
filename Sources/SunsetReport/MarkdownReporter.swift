import Foundation
import SunsetCore
import SunsetRules

/// `report.md`: GitHub-flavoured Markdown from the `report.md` template; every value from
/// the scan is escaped so file names never turn into markup.
public struct MarkdownReporter: Reporter {
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func render(_ results: AuditResults, language: Language) throws -> Data {
        let model = ReportModel(results, language: language, labels: templates.labels(language))
        return Data(try templates.render("report.md", model).utf8)
    }
}

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

    public func render(_ input: ReportInput) throws -> Data {
        let model = ReportModel(input, labels: templates.labels(input.language))
        return Data(try templates.render("report.md", TemplateValue.plain(model) ?? [:]).utf8)
    }
}

import Foundation
import SunsetCore
import SunsetRules

/// `report.html`: one self-contained page (inline CSS, no script, no external request)
/// from the `report.html` template, every value HTML-escaped.
public struct HTMLReporter: Reporter {
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func render(_ input: ReportInput) throws -> Data {
        let model = ReportModel(input, labels: templates.labels(input.language))
        return Data(try templates.render("report.html", TemplateValue.plain(model) ?? [:]).utf8)
    }
}

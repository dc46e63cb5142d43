import SunsetCore

/// GitHub Actions workflow commands: one `::error` or `::warning` per finding at or above
/// the threshold (errors from `high` up), with the file when the finding has one.
public enum GitHubAnnotations {
    public static func render(_ results: AuditResults, failOn: Severity) -> String {
        let lines = results.findings.filter { $0.waiver == nil && $0.severity >= failOn }.map { finding -> String in
            let command = finding.severity >= .high ? "error" : "warning"
            var properties = ["title=\(property("\(finding.ruleID) (\(finding.severity.rawValue))"))"]
            if let location = finding.subject.location, let root = results.inventory.roots.first(where: { $0.index == location.root }) {
                properties.insert("file=\(property(root.path + "/" + location.path.description))", at: 0)
            }
            return "::\(command) \(properties.joined(separator: ","))::\(data("\(finding.subject.name): \(finding.message)"))"
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// Message text: `%`, CR and LF are percent-encoded.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value: as data, plus `:` and `,`.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

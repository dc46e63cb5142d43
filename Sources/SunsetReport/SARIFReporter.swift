import Foundation
import SunsetCore
import SunsetRules

/// `results.sarif`: SARIF 2.1.0 for code-scanning dashboards. Every rule of the packs is
/// described in `tool.driver`; each finding points at its file or folder relative to its scan
/// root (`uriBaseId`), and carries the finding's fingerprint, which stays the same across runs.
public struct SARIFReporter: Reporter {
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func render(_ input: ReportInput) throws -> Data {
        let labels = templates.labels(input.language)
        let results = input.results
        let rules = Self.descriptors(input, labels: labels)
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var bases: [String: SARIFLog.ArtifactLocation] = [:]
        let roots = results.inventory.roots
        for root in roots {
            let text = roots.count > 1 ? labels.fill("sarif.root-labelled", root.index + 1, root.shownLabel)
                                       : labels.fill("sarif.root", root.index + 1)
            bases[Self.baseID(root.index)] = SARIFLog.ArtifactLocation(uri: Self.fileURI(root.path),
                                                                       description: SARIFLog.Message(text: text))
        }
        let run = SARIFLog.Run(
            tool: SARIFLog.Tool(
                driver: SARIFLog.ToolComponent(name: "Sunset", fullName: "Sunset \(results.tool.version)",
                                               version: results.tool.version, semanticVersion: results.tool.version,
                                               rules: rules),
                extensions: results.packs.isEmpty ? nil : results.packs.map {
                    SARIFLog.ToolComponent(name: $0.id, fullName: $0.name, version: $0.version)
                }),
            language: input.language.rawValue,
            originalUriBaseIds: bases,
            results: results.findings.map { finding in
                SARIFLog.Result(
                    ruleId: finding.ruleID, ruleIndex: index[finding.ruleID], level: Self.level(finding.severity),
                    message: SARIFLog.Message(text: finding.message),
                    locations: Self.location(of: finding.subject, in: results.inventory).map { [$0] },
                    partialFingerprints: ["sunsetFingerprint/v1": finding.fingerprint],
                    suppressions: finding.waiver.map { waiver in
                        [SARIFLog.Suppression(kind: "external", status: "accepted",
                                              justification: labels.fill("waiver.text", waiver.reason, labels.day(waiver.expires)))]
                    },
                    properties: SARIFLog.PropertyBag(severity: finding.severity.rawValue, scope: finding.subject.kind.rawValue,
                                                     subject: finding.subject.name))
            },
            properties: SARIFLog.PropertyBag(asOf: results.asOf.description))
        var data = try JSONReporter.encoder.encode(SARIFLog(runs: [run]))
        data.append(0x0A)
        return data
    }

    // MARK: - Rules

    /// SARIF's level for a severity: critical and high are errors, medium a warning, the rest notes.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// Every rule of the packs, then any rule a finding names that no given pack holds.
    static func descriptors(_ input: ReportInput, labels: Labels) -> [SARIFLog.ReportingDescriptor] {
        let language = input.language
        var descriptors = input.packs.flatMap { pack in
            pack.rules.map { rule in
                let remediation = placeholdersRemoved(rule.remediation(language))
                let catalog = FactCatalog.forScope(rule.scope, dates: Array(pack.product.dates.keys))
                let condition = ConditionText(catalog: catalog, language: language).describe(rule.condition)
                let markdown = labels.fill("sarif.help-markdown", MarkdownEscaper.escape(remediation), condition)
                    + rule.references.map { "\n- <\($0)>" }.joined()
                return SARIFLog.ReportingDescriptor(
                    id: rule.fullID, name: rule.id,
                    shortDescription: .init(text: rule.title(language)),
                    fullDescription: .init(text: labels.fill("sarif.full-description", rule.title(language),
                                                             labels["scope.\(rule.scope.rawValue)"],
                                                             labels["severity.\(rule.severity.rawValue)"])),
                    help: .init(text: labels.fill("sarif.help", remediation), markdown: markdown),
                    helpUri: rule.references.first { URL(string: $0)?.scheme != nil },
                    defaultConfiguration: .init(level: level(rule.severity)),
                    properties: .init(severity: rule.severity.rawValue, scope: rule.scope.rawValue, tags: ["sunset", pack.id]))
            }
        }
        var known = Set(descriptors.map { $0.id })
        for finding in input.results.findings where known.insert(finding.ruleID).inserted {
            descriptors.append(SARIFLog.ReportingDescriptor(
                id: finding.ruleID, shortDescription: .init(text: finding.title), fullDescription: .init(text: finding.title),
                help: .init(text: labels.fill("sarif.help", finding.remediation)),
                defaultConfiguration: .init(level: level(finding.severity)),
                properties: .init(severity: finding.severity.rawValue, scope: finding.subject.kind.rawValue)))
        }
        return descriptors
    }

    /// A rule's text with its `{{…}}` fact placeholders shown as "…" (no subject to fill them).
    static func placeholdersRemoved(_ text: String) -> String {
        // Most texts have none, and the regular expression is slow to run on every rule.
        guard text.contains("{{") else { return text }
        return text.replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: "…", options: .regularExpression)
    }

    // MARK: - Locations

    static func baseID(_ root: Int) -> String { "ROOT\(root)" }

    /// Where a finding points: its subject's place, or for a host the root it was read from.
    static func location(of subject: Subject, in inventory: Inventory) -> SARIFLog.Location? {
        var place = subject.location
        if place == nil, subject.kind == .host, let root = inventory.roots.first(where: { $0.host.name == subject.name }) {
            place = Location(root: root.index, path: root.host.evidence.compactMap(\.path).first ?? VolumePath(""))
        }
        guard let place else { return nil }
        let uri = place.path.bytes.isEmpty ? "./" : percentEncoded(place.path.bytes)
        return SARIFLog.Location(physicalLocation: .init(artifactLocation: .init(uri: uri, uriBaseId: baseID(place.root))))
    }

    /// `file:///…/` for an absolute folder path, ending in a slash as SARIF base URIs must.
    static func fileURI(_ path: String) -> String {
        let encoded = percentEncoded(Array(path.utf8))
        return "file://" + (encoded.hasPrefix("/") ? "" : "/") + encoded + (encoded.hasSuffix("/") ? "" : "/")
    }

    /// Path bytes as a URI path: unreserved characters and `/` kept, every other byte `%XX`,
    /// so names with spaces, markup or invalid UTF-8 still give a valid URI.
    static func percentEncoded(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}

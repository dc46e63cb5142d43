import Foundation
import SunsetCore
import SunsetRules

/// `results.junit.xml`: for CI dashboards, one test suite per pack and one test case per rule
/// and subject it was checked on. A finding at or above `--fail-on` is a failure, a waived one
/// is skipped, one below the threshold passes with its message in `system-out`.
public struct JUnitReporter: Reporter {
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    struct Suite { var name: String; var version: String?; var cases: [Case] }
    struct Case { var rule: String; var subject: Subject; var finding: Finding? }

    public func render(_ input: ReportInput) throws -> Data {
        let labels = templates.labels(input.language)
        let suites = Self.suites(input)
        let all = suites.flatMap(\.cases)
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += "<testsuites name=\"Sunset\"\(counts(all, input.failOn))>\n"
        for suite in suites {
            xml += "  <testsuite name=\"\(XMLText.attribute(suite.name))\"\(counts(suite.cases, input.failOn))>\n"
            xml += "    <properties>\n"
            var properties = [("as-of", input.results.asOf.description), ("fail-on", input.failOn.rawValue)]
            if let version = suite.version { properties.append(("pack-version", version)) }
            // With several roots, messages write paths as `[label] path`: say which root each label is.
            let roots = input.results.inventory.roots
            if roots.count > 1 { properties += roots.map { ("root [\($0.shownLabel)]", $0.path) } }
            for (name, value) in properties {
                xml += "      <property name=\"\(XMLText.attribute(name))\" value=\"\(XMLText.attribute(value))\"/>\n"
            }
            xml += "    </properties>\n"
            for testCase in suite.cases { xml += element(testCase, failOn: input.failOn, inventory: input.results.inventory, labels: labels) }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return Data(xml.utf8)
    }

    // MARK: - Cases

    /// Packs that took part, each rule on each subject of its scope, then findings of rules
    /// that no given pack describes, grouped by the pack named in their rule id.
    static func suites(_ input: ReportInput) -> [Suite] {
        let results = input.results
        let taking = Set(results.packs.map(\.id))
        var findings = Dictionary(grouping: results.findings) { $0.ruleID }
        var suites: [Suite] = []
        for pack in input.packs where taking.isEmpty || taking.contains(pack.id) {
            var subjects: [Subject.Kind: [Subject]] = [:]
            var cases: [Case] = []
            for rule in pack.rules {
                if subjects[rule.scope] == nil {
                    subjects[rule.scope] = RuleEngine.subjects(of: rule.scope, pack: pack, in: results.inventory)
                }
                let fired = findings.removeValue(forKey: rule.fullID) ?? []
                var bySubject = Dictionary(fired.map { ($0.subject, $0) }, uniquingKeysWith: { first, _ in first })
                for subject in subjects[rule.scope] ?? [] {
                    cases.append(Case(rule: rule.fullID, subject: subject, finding: bySubject.removeValue(forKey: subject)))
                }
                for finding in fired where bySubject[finding.subject] != nil {
                    cases.append(Case(rule: rule.fullID, subject: finding.subject, finding: finding))
                }
            }
            suites.append(Suite(name: pack.id, version: pack.version, cases: cases))
        }
        let leftover = Dictionary(grouping: findings.values.flatMap { $0 }) { String($0.ruleID.split(separator: "/").first ?? "") }
        for (pack, fired) in leftover.sorted(by: { $0.key < $1.key }) {
            let members = Set(fired)
            let ordered = results.findings.filter { members.contains($0) }
            suites.append(Suite(name: pack, version: results.packs.first { $0.id == pack }?.version,
                                cases: ordered.map { Case(rule: $0.ruleID, subject: $0.subject, finding: $0) }))
        }
        return suites
    }

    static func fails(_ testCase: Case, failOn: Severity) -> Bool {
        guard let finding = testCase.finding, finding.waiver == nil else { return false }
        return finding.severity >= failOn
    }

    // MARK: - XML

    private func counts(_ cases: [Case], _ failOn: Severity) -> String {
        let failures = cases.filter { Self.fails($0, failOn: failOn) }.count
        let skipped = cases.filter { $0.finding?.waiver != nil }.count
        return " tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\""
    }

    private func element(_ testCase: Case, failOn: Severity, inventory: Inventory, labels: Labels) -> String {
        let name = labels.fill("subject.\(testCase.subject.kind.rawValue)", testCase.subject.name)
        var xml = "    <testcase classname=\"\(XMLText.attribute(testCase.rule))\" name=\"\(XMLText.attribute(name))\""
        guard let finding = testCase.finding else { return xml + "/>\n" }
        xml += ">\n"
        var body = finding.message + "\n" + labels["remediation"] + labels["colon"] + " " + finding.remediation
        for evidence in finding.evidence { body += "\n" + labels["evidence"] + labels["colon"] + " " + ReportModel.evidence(evidence, inventory: inventory, labels: labels) }
        if let waiver = finding.waiver {
            let reason = labels.fill("waiver.text", waiver.reason, labels.day(waiver.expires))
            xml += "      <skipped message=\"\(XMLText.attribute(reason))\"/>\n"
        } else if Self.fails(testCase, failOn: failOn) {
            xml += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(XMLText.attribute(finding.title))\">"
            xml += XMLText.content(body) + "</failure>\n"
        } else {
            let note = labels.fill("junit.below-threshold", labels["severity.\(finding.severity.rawValue)"],
                                   labels["severity.\(failOn.rawValue)"], finding.title)
            xml += "      <system-out>" + XMLText.content(note + "\n" + body) + "</system-out>\n"
        }
        return xml + "    </testcase>\n"
    }
}

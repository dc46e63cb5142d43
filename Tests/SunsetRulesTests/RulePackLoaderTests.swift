import SunsetRules
import Testing

/// Broken packs are refused with the file, line, column and key path, and a suggestion
/// when a name is close to a known one. Each breakage changes one thing in `AcmePack`.
@Suite struct RulePackLoaderTests {
    @Test func theValidPackLoads() throws {
        let pack = try RulePackLoader.load(yaml: AcmePack.text, file: "acme.yaml")
        #expect(pack.id == "acme-ledger")
        #expect(pack.rules.map(\.fullID) == ["acme-ledger/support-ended", "acme-ledger/no-backup"])
        #expect(pack.checklist.map(\.fullID) == ["acme-ledger/backup"])
        #expect(pack.product.dates.keys.sorted() == ["loyalty-discount", "support-end"])
        #expect(pack.rules[0].examples.map(\.asOf.description) == ["2020-02-01", "2020-01-31"])
    }

    struct Breakage: CustomTestStringConvertible, Sendable {
        var name: String
        var from: String
        var to: String
        var line: Int
        var column: Int? = nil
        var message: String
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        .init(name: "misspelt key", from: "    severity: high", to: "    severty: high", line: 28, column: 5,
              message: "at 'rules[0].severty': unknown key 'severty' — did you mean 'severity'?"),
        .init(name: "unknown severity", from: "severity: high", to: "severity: hihg", line: 28, column: 15,
              message: "'hihg' is not one of info, low, medium, high, critical — did you mean 'high'?"),
        .init(name: "bad date", from: "support-end: 2020-01-31", to: "support-end: 2020-02-30", line: 8, column: 16,
              message: "'2020-02-30' is not a valid date"),
        .init(name: "unknown fact", from: "days-since: product.support-end", to: "days-since: product.suport-end", line: 29,
              column: 24, message: "unknown fact 'product.suport-end' — did you mean 'product.support-end'?"),
        .init(name: "wrong operand type", from: "product.support-end, gt: 0}", to: "product.support-end, gt: soon}", line: 29,
              message: "'days-since product.support-end' is number, so 'soon' does not fit"),
        .init(name: "date arithmetic on text", from: "days-since: product.support-end", to: "days-since: product.name", line: 29,
              message: "'days-since' needs a date fact, but 'product.name' is text"),
        .init(name: "ordering a flag", from: "done-when: {fact: company.readable-backups, gt: 0}",
              to: "done-when: {fact: company.installed-here, gt: 0}", line: 51,
              message: "'gt' compares numbers or dates, but 'company.installed-here' is true/false"),
        .init(name: "unknown collection", from: "count: company.backups", to: "count: company.backup", line: 39,
              message: "unknown collection 'company.backup' — did you mean 'company.backups'?"),
        .init(name: "missing French", from: "title: {en: Ended, fr: Terminé}", to: "title: {en: Ended}", line: 30,
              message: "missing required key 'fr'"),
        .init(name: "missing English", from: "how-to: {en: Do it, fr: Faites-le}", to: "how-to: {fr: Faites-le}", line: 50,
              message: "missing required key 'en'"),
        .init(name: "unsupported version", from: "version: 1\npack", to: "version: 2\npack", line: 1,
              message: "schema version 2 is not supported"),
        .init(name: "bad scope", from: "scope: installation", to: "scope: computer", line: 27,
              message: "'computer' is not one of host, installation, company, file"),
        .init(name: "no passing example", from: "passes: [{as-of: support-end, installations: 1}]", to: "passes: []", line: 35,
              message: "give at least one example inventory on which the rule does not fire"),
        .init(name: "no examples", from: "    examples:\n      fires: [{as-of: support-end+1, installations: 1}]\n      passes: [{as-of: support-end, installations: 1}]\n",
              to: "", line: 26, message: "missing required key 'examples'"),
        .init(name: "example that does not hold", from: "fires: [{as-of: support-end+1,", to: "fires: [{as-of: support-end-1,",
              line: 34, column: 15, message: "this example should make 'support-ended' fire, but it does not"),
        .init(name: "unknown date in an example", from: "fires: [{as-of: support-end+1,", to: "fires: [{as-of: suport-end+1,",
              line: 34, message: "did you mean 'support-end'?"),
        .init(name: "misspelt example key", from: "companies: [{name: A}]", to: "companies: [{nme: A}]", line: 44,
              message: "unknown key 'nme' — did you mean 'name'?"),
        .init(name: "bad template", from: "remediation: {en: Move, fr: Partir}", to: "remediation: {en: \"{{#x}}\", fr: Partir}",
              line: 32, message: "the en text is not a valid template"),
        .init(name: "unknown name in a message", from: "{{company.name}} has none", to: "{{company.nmae}} has none", line: 41,
              message: "names '{{company.nmae}}', which is not a fact here — did you mean 'company.name'?"),
        .init(name: "wrong type for a list", from: "words: [backup]", to: "words: backup", line: 21, message: "expected a list"),
        .init(name: "a word with nothing to match", from: "words: [backup]", to: "words: [backup, \" - \"]", line: 21,
              message: "' - ' has no letter or digit, so it can match no name"),
        .init(name: "bad id", from: "- id: support-ended", to: "- id: Support Ended", line: 26,
              message: "ids are lower-case letters, digits and '-'"),
        .init(name: "date name taken by a fact", from: "- id: loyalty-discount", to: "- id: name", line: 10,
              message: "'name' is taken by the fact 'product.name'"),
        .init(name: "YAML syntax", from: "  version: \"1\"", to: "  version: \"1", line: 5, message: "YAML syntax error"),
        .init(name: "step dated by a fact that is not a date", from: "    done-when: {fact: company.readable-backups, gt: 0}",
              to: "    date-from: [company.name]\n    done-when: {fact: company.readable-backups, gt: 0}", line: 51,
              message: "'company.name' is not a date fact here"),
        .init(name: "step label in one language", from: "    how-to: {en: Do it, fr: Faites-le}",
              to: "    label: {en: Backup}\n    how-to: {en: Do it, fr: Faites-le}", line: 50, message: "missing required key 'fr'"),
    ]

    @Test func aStepsLabelAndDateComeFromThePack() throws {
        let text = AcmePack.text.replacingOccurrences(of: "    how-to: {en: Do it, fr: Faites-le}", with: """
                label: {en: Backed up, fr: Sauvegardée}
                date-from: [company.newest-backup-date, company.last-change]
                how-to: {en: Do it, fr: Faites-le}
            """)
        let step = try #require(try RulePackLoader.load(yaml: text, file: "acme.yaml").checklist.first)
        #expect(step.label?(.fr) == "Sauvegardée")
        #expect(step.dateFrom == ["company.newest-backup-date", "company.last-change"])
    }

    @Test(arguments: breakages)
    func brokenPackIsRefused(_ breakage: Breakage) throws {
        let broken = AcmePack.text.replacingOccurrences(of: breakage.from, with: breakage.to)
        #expect(broken != AcmePack.text, "the breakage does not apply")
        do {
            _ = try RulePackLoader.load(yaml: broken, file: "acme.yaml")
            Issue.record("\(breakage.name): the broken pack loaded")
        } catch let error as RulePackError {
            #expect(error.all.count == 1, "one change, one error: \(error.all)")
            #expect(error.description.hasPrefix("acme.yaml:"), "\(error)")
            #expect(error.description.contains(breakage.message), "\(error)")
            if breakage.name != "YAML syntax" { #expect(error.line == breakage.line, "\(error)") }
            if let column = breakage.column { #expect(error.column == column, "\(error)") }
        }
    }

    @Test func everyIndependentErrorIsReportedInOneLoad() throws {
        var broken = AcmePack.text
        for (from, to) in [("severity: high", "severity: hihg"), ("{{company.name}} has none", "{{company.nmae}} has none"),
                           ("per: company", "per: everyone")] {
            broken = broken.replacingOccurrences(of: from, with: to)
        }
        #expect {
            _ = try RulePackLoader.load(yaml: broken, file: "acme.yaml")
        } throws: { error in
            guard let error = error as? RulePackError else { return false }
            return error.all.compactMap(\.line) == [28, 41, 48] && error.description.contains("(and 2 more problems")
        }
    }

    @Test func duplicateRuleIdsAreRefusedPointingAtTheSecond() throws {
        let doubled = AcmePack.text.replacingOccurrences(of: "- id: no-backup", with: "- id: support-ended")
        #expect {
            _ = try RulePackLoader.load(yaml: doubled, file: "acme.yaml")
        } throws: { error in
            let error = error as? RulePackError
            return error?.line == 36 && error?.description.contains("duplicate id 'support-ended' (first defined on line 26)") == true
        }
    }
}

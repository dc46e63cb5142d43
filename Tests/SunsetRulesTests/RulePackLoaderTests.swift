import SunsetRules
import Testing

/// Broken packs are refused with the file, line and key path, and a suggestion when a
/// name is close to a known one.
@Suite struct RulePackLoaderTests {
    /// A small valid pack; tests break one line of it at a time.
    static let valid = """
    version: 1
    pack:
      id: acme-ledger
      version: "1"
    product:
      name: Acme Ledger
      vendor: Acme
      dates:
        support-end: 2020-01-31
    signatures:
      installation:
        folders: ["Program Files*/Acme*"]
        executables: ["**/acme*.exe"]
      company:
        folders: ["Users/*/Documents/Acme/*"]
      backup:
        names: ["**/*.zip"]
        words: [backup]
      export:
        clients: [client]
        products: [product]
    rules:
      - id: support-ended
        scope: installation
        severity: high
        when: {fact: days-since.support-end, gt: 0}
        title: {en: Ended, fr: Terminé}
        message: {en: "Ended {{date.support-end}}", fr: "Terminé {{date.support-end}}"}
        remediation: {en: Move, fr: Partir}
        examples:
          fires: [{days-since.support-end: 1}]
          passes: [{days-since.support-end: 0}]
    checklist:
      - id: backup
        per: company
        title: {en: Back up, fr: Sauvegarder}
        how-to: {en: Do it, fr: Faites-le}
        done-when: {fact: company.readable-backups, gt: 0}
        evidence: {en: "{{company.readable-backups}}", fr: "{{company.readable-backups}}"}
    """

    @Test func theValidPackLoads() throws {
        let pack = try RulePackLoader.load(yaml: Self.valid, file: "acme.yaml")
        #expect(pack.id == "acme-ledger")
        #expect(pack.rules.map(\.fullID) == ["acme-ledger/support-ended"])
        #expect(pack.checklist.map(\.fullID) == ["acme-ledger/backup"])
    }

    struct Breakage: CustomTestStringConvertible, Sendable {
        var name: String
        var from: String
        var to: String
        var line: Int
        var message: String
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        .init(name: "misspelt key", from: "    severity: high", to: "    severty: high", line: 25,
              message: "unknown key 'severty' — did you mean 'severity'?"),
        .init(name: "unknown severity", from: "severity: high", to: "severity: hihg", line: 25,
              message: "'hihg' is not one of info, low, medium, high, critical — did you mean 'high'?"),
        .init(name: "bad date", from: "support-end: 2020-01-31", to: "support-end: 2020-02-30", line: 9,
              message: "'2020-02-30' is not a valid date"),
        .init(name: "unknown fact", from: "fact: days-since.support-end", to: "fact: days-since.suport-end", line: 26,
              message: "unknown fact 'days-since.suport-end' — did you mean 'days-since.support-end'?"),
        .init(name: "wrong operand type", from: "gt: 0}", to: "gt: soon}", line: 26,
              message: "'days-since.support-end' is number, so 'soon' does not fit"),
        .init(name: "ordering a flag", from: "done-when: {fact: company.readable-backups, gt: 0}",
              to: "done-when: {fact: company.installed-here, gt: 0}", line: 38,
              message: "'gt' compares numbers or dates, but 'company.installed-here' is true/false"),
        .init(name: "missing French", from: "title: {en: Ended, fr: Terminé}", to: "title: {en: Ended}", line: 27,
              message: "missing required key 'fr'"),
        .init(name: "unsupported version", from: "version: 1\npack", to: "version: 2\npack", line: 1,
              message: "schema version 2 is not supported"),
        .init(name: "bad scope", from: "scope: installation", to: "scope: computer", line: 24,
              message: "'computer' is not one of host, installation, company, file"),
        .init(name: "no passing example", from: "passes: [{days-since.support-end: 0}]", to: "passes: []", line: 32,
              message: "give at least one example that does not fire"),
        .init(name: "bad template", from: "remediation: {en: Move, fr: Partir}", to: "remediation: {en: \"{{#x}}\", fr: Partir}",
              line: 29, message: "the en text is not a valid template"),
        .init(name: "wrong type for a list", from: "words: [backup]", to: "words: backup", line: 18,
              message: "expected a list"),
        .init(name: "bad id", from: "- id: support-ended", to: "- id: Support Ended", line: 23,
              message: "ids are lower-case letters, digits and '-'"),
        .init(name: "YAML syntax", from: "  version: \"1\"", to: "  version: \"1", line: 5, message: "YAML syntax error"),
    ]

    @Test(arguments: breakages)
    func brokenPackIsRefused(_ breakage: Breakage) throws {
        let broken = Self.valid.replacingOccurrences(of: breakage.from, with: breakage.to)
        #expect(broken != Self.valid, "the breakage does not apply")
        do {
            _ = try RulePackLoader.load(yaml: broken, file: "acme.yaml")
            Issue.record("\(breakage.name): the broken pack loaded")
        } catch let error as RulePackError {
            #expect(error.description.hasPrefix("acme.yaml:"), "\(error)")
            #expect(error.description.contains(breakage.message), "\(error)")
            if breakage.name != "YAML syntax" { #expect(error.line == breakage.line, "\(error)") }
        }
    }

    @Test func duplicateRuleIdsAreRefused() throws {
        let rule = Self.valid.components(separatedBy: "rules:\n")[1].components(separatedBy: "checklist:")[0]
        let doubled = Self.valid.replacingOccurrences(of: "rules:\n", with: "rules:\n" + rule)
        #expect(throws: RulePackError.self) { try RulePackLoader.load(yaml: doubled, file: "acme.yaml") }
        do {
            _ = try RulePackLoader.load(yaml: doubled, file: "acme.yaml")
        } catch {
            #expect("\(error)".contains("duplicate id 'support-ended'"))
        }
    }
}

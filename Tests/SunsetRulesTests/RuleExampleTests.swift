import SunsetRules
import Testing

/// Every rule of every built-in pack carries example inventories on which it fires and on
/// which it does not; each one runs here through the engine, so a rule without examples or
/// with a wrong condition fails the build.
@Suite struct RuleExampleTests {
    static let packs: [RulePack] = (try? PackSet.builtIn()) ?? []
    static let rules: [String] = packs.flatMap(\.rules).map(\.fullID)

    @Test func builtInPacksLoad() throws {
        let packs = try PackSet.builtIn()
        #expect(packs.map(\.id) == ["end-of-life", "invoice2go-classic"])
        #expect(packs.first?.aboutPrograms == true)
        #expect(Self.rules.count >= 11)
    }

    @Test(arguments: rules)
    func examplesHold(_ id: String) throws {
        let pack = try #require(Self.packs.first { $0.rules.contains { $0.fullID == id } })
        let rule = try #require(pack.rules.first { $0.fullID == id })
        #expect(rule.examples.contains { $0.fires }, "\(id) has no example that fires")
        #expect(rule.examples.contains { !$0.fires }, "\(id) has no example that passes")
        let runner = ExampleRunner(osReleases: PackSet.builtInOSReleases)
        for example in rule.examples {
            let findings = runner.findings(example, of: rule, in: pack)
            #expect(findings.isEmpty != example.fires,
                    "\(id): example at \(example.origin) should \(example.fires ? "fire" : "not fire")")
            #expect(findings.allSatisfy { $0.ruleID == id && $0.subject.kind == rule.scope })
        }
    }

    /// The commands judge with the built-in packs read without their examples, condition
    /// text and template checks: otherwise the very packs read here in full.
    @Test func packsReadForJudgingAreTheFullPacksWithoutExamples() throws {
        let full = try PackSet.builtIn()
        let judging = try PackSet.load(extra: [])
        #expect(judging.map(\.id) == full.map(\.id))
        for (pack, lean) in zip(full, judging) {
            #expect([lean.product.name, lean.product.vendor] == [pack.product.name, pack.product.vendor])
            #expect(lean.product.supportEnd == pack.product.supportEnd && lean.product.dates == pack.product.dates)
            #expect(lean.product.offers.map(\.id) == pack.product.offers.map(\.id))
            #expect(lean.product.offers.map(\.title) == pack.product.offers.map(\.title))
            #expect(String(describing: lean.signatures) == String(describing: pack.signatures))
            #expect(lean.rules.map(\.fullID) == pack.rules.map(\.fullID))
            for (rule, leanRule) in zip(pack.rules, lean.rules) {
                #expect([leanRule.title, leanRule.message, leanRule.remediation] == [rule.title, rule.message, rule.remediation])
                #expect(leanRule.severity == rule.severity && leanRule.scope == rule.scope && leanRule.references == rule.references)
                #expect(String(describing: leanRule.condition) == String(describing: rule.condition))
                #expect(leanRule.examples.isEmpty && leanRule.conditionYAML.isEmpty)
            }
            #expect(lean.checklist.map(\.fullID) == pack.checklist.map(\.fullID))
            for (step, leanStep) in zip(pack.checklist, lean.checklist) {
                #expect([leanStep.title, leanStep.howTo, leanStep.evidence] == [step.title, step.howTo, step.evidence])
                #expect(leanStep.label == step.label && leanStep.per == step.per && leanStep.dateFrom == step.dateFrom)
                #expect(String(describing: leanStep.doneWhen) == String(describing: step.doneWhen))
                #expect(String(describing: leanStep.appliesWhen) == String(describing: step.appliesWhen))
            }
        }
        let explained = try PackSet.load(extra: [], withExamples: true)
        #expect(explained.flatMap(\.rules).map(\.examples.count) == full.flatMap(\.rules).map(\.examples.count))
        #expect(explained.flatMap(\.rules).map(\.conditionYAML) == full.flatMap(\.rules).map(\.conditionYAML))
    }

    /// Every rule id that DESIGN.md lists for the pack is there, with the scope it gives.
    @Test func theInvoice2goPackHasEveryRuleOfTheDesign() throws {
        let expected: [String: String] = [
            "support-ended": "installation", "upgrade-offer-open": "installation", "upgrade-offer-expired": "installation",
            "os-changed-since-support-end": "host", "host-os-unsupported": "host", "backup-missing": "company",
            "backup-stale": "company", "backup-not-offsite": "company", "backup-unreadable": "file",
            "export-missing": "company", "single-machine-lock-in": "installation", "data-without-program": "company",
            "only-backup-survives": "company",
        ]
        let pack = try #require(Self.packs.first { $0.id == "invoice2go-classic" })
        for (id, scope) in expected {
            let rule = pack.rules.first { $0.id == id }
            #expect(rule?.scope.rawValue == scope, "\(id): \(rule.map { $0.scope.rawValue } ?? "missing")")
        }
        #expect(pack.checklist.map(\.id) == ["restore-from-backup", "backup-each-company", "copy-backup-off-machine", "export-client-list",
                                             "export-product-list", "keep-offline-copy", "decide-successor"])
    }
}

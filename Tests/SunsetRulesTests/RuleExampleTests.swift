import SunsetRules
import Testing

/// Every rule of every built-in pack carries examples that fire and examples that do not;
/// each one runs here, so a rule without examples or with a wrong condition fails the build.
@Suite struct RuleExampleTests {
    static let rules: [Rule] = (try? PackSet.builtIn().flatMap(\.rules)) ?? []

    @Test func builtInPacksLoad() throws {
        let packs = try PackSet.builtIn()
        #expect(packs.map(\.id).contains("invoice2go-classic"))
        #expect(!Self.rules.isEmpty)
    }

    @Test(arguments: rules.map(\.fullID))
    func examplesHold(_ id: String) throws {
        let rule = try #require(Self.rules.first { $0.fullID == id })
        #expect(rule.examples.contains { $0.fires }, "\(id) has no example that fires")
        #expect(rule.examples.contains { !$0.fires }, "\(id) has no example that passes")
        for example in rule.examples {
            #expect(RuleEngine.fires(rule, facts: example.facts) == example.fires,
                    "\(id): example at \(example.origin) should \(example.fires ? "fire" : "not fire")")
        }
    }
}

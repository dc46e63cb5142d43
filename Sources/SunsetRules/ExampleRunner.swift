import SunsetCore

/// Runs a pack's examples through the engine: each example inventory is judged at its own
/// as-of date, and the rule must fire on it (`fires`) or stay silent (`passes`).
public struct ExampleRunner: Sendable {
    public var osReleases: OSReleases

    /// A runner judging host examples with `osReleases`.
    public init(osReleases: OSReleases) {
        self.osReleases = osReleases
    }

    /// The findings `rule` gives on `example`.
    public func findings(_ example: RuleExample, of rule: Rule, in pack: RulePack) -> [Finding] {
        let evaluation = Evaluation(asOf: example.asOf, warnWithin: example.warnWithin, osReleases: osReleases)
        return RuleEngine(packs: [pack]).findings(of: rule, in: pack, inventory: example.inventory, evaluation)
    }

    /// True when the example behaves as it says.
    public func holds(_ example: RuleExample, of rule: Rule, in pack: RulePack) -> Bool {
        findings(example, of: rule, in: pack).isEmpty != example.fires
    }

    /// An error for every example that does not behave as it says.
    public func mismatches(_ pack: RulePack) -> [RulePackError] {
        pack.rules.flatMap { rule in
            rule.examples.filter { !holds($0, of: rule, in: pack) }.map { example in
                example.location.error(example.fires
                    ? "this example should make '\(rule.id)' fire, but it does not"
                    : "this example should not make '\(rule.id)' fire, but it does")
            }
        }
    }

    /// Throws every mismatch.
    public func check(_ pack: RulePack) throws {
        if let error = RulePackError.combining(mismatches(pack)) { throw error }
    }
}

import SunsetCore

extension RuleEngine {
    /// The subjects a pack's rules of one scope are checked on in an inventory, in the
    /// engine's order (what JUnit turns into one test case per rule and subject). Empty when
    /// the inventory holds nothing of the pack's product, as the engine then skips the pack.
    public static func subjects(of scope: Subject.Kind, pack: RulePack, in inventory: Inventory,
                                asOf: CalendarDay) -> [Subject] {
        let sheet = FactSheet(inventory: inventory, pack: pack, asOf: asOf)
        guard sheet.productPresent else { return [] }
        return sheet.entries(for: scope).map(\.subject)
    }
}

import SunsetCore

extension RuleEngine {
    /// The subjects a pack's rules of one scope are checked on in an inventory, in the
    /// engine's order (what JUnit turns into one test case per rule and subject). Empty when
    /// the inventory holds nothing of the pack's product, as the engine then skips the pack.
    ///
    /// Mirrors the subjects of `FactSheet.entries(for:)` without computing their facts, which
    /// for thousands of companies and backups costs far more than listing them.
    public static func subjects(of scope: Subject.Kind, pack: RulePack, in inventory: Inventory) -> [Subject] {
        if pack.aboutPrograms {
            let programs = FactSheet.judged(inventory)
            return scope == .program ? programs.map(FactSheet.subject) : []
        }
        let product = pack.id
        let installations = inventory.installations.filter { $0.product == product }
        let companies = inventory.companies.filter { $0.product == product }
        let backups = inventory.backups.filter { $0.product == product }
        guard !installations.isEmpty || !companies.isEmpty || !backups.isEmpty else { return [] }
        switch scope {
        case .host:
            var seen = Set<HostOS>()
            return inventory.roots.filter { seen.insert($0.host).inserted }.map { Subject(kind: .host, name: $0.host.name) }
        case .installation:
            return installations.map { Subject(kind: .installation, name: $0.location.path.description, location: $0.location) }
        case .company:
            return companies.map { Subject(kind: .company, name: $0.name, location: $0.folder) }
        case .program:
            return FactSheet.judged(inventory).map(FactSheet.subject)
        case .file:
            return backups.filter { !$0.readable }.map {
                Subject(kind: .file, name: $0.file.location.path.description, location: $0.file.location)
            }
        }
    }
}

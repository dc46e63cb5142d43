import SunsetCore

/// Packs about every installed program rather than one product (`Rules/end-of-life.yaml`):
///
///     version: 1
///     pack: {id: end-of-life, version: "2026.12"}
///     programs: {name: Installed programs, vendor: endoflife.date}
///     rules: [ … ]          # scope: program, with examples
///
/// They are loaded as strictly as product packs, with the same rules, conditions and
/// examples, and have neither signatures nor checklist.
extension RulePackLoader {
    static func loadProgramPack(_ yaml: StrictYAML, file: String, source: String?, osReleases: OSReleases,
                                runExamples: Bool, signaturesOnly: Bool, full: Bool = true) throws -> RulePack {
        let top = try yaml.fields(required: ["version", "pack", "programs", "rules"])
        let version = try top["version"].int()
        guard RulePack.supportedVersions.contains(version) else {
            throw top["version"].error("schema version \(version) is not supported; this build reads version 1")
        }
        let pack = try top["pack"].fields(required: ["id", "version"])
        let id = try identifier(pack["id"])
        let about = try top["programs"].fields(required: ["name", "vendor"])
        let product = RulePack.Product(name: try about["name"].string(), vendor: try about["vendor"].string(),
                                       supportEnd: nil, offers: [], dates: [:])
        let diagnostics = Diagnostics()
        // A scan needs no rules, and a program pack has no signatures: it is read no further.
        let rules = signaturesOnly ? [] : try loadList(top["rules"], diagnostics) { try loadRule($0, pack: id, dates: [:], full: full) }
        try diagnostics.check()
        var result = RulePack(id: id, version: try pack["version"].string(), product: product,
                              signatures: ProductSignatures(product: id), rules: rules, checklist: [], source: source ?? file)
        result.aboutPrograms = true
        if runExamples {
            _ = try diagnostics.attempt { try ExampleRunner(osReleases: osReleases).check(result) }
            try diagnostics.check()
        }
        return result
    }
}

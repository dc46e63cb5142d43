import SunsetCore

/// Reads the two lifecycle file kinds strictly: a generated product file and a hand-written
/// match file (see docs/rule-packs.md, "Lifecycle packs").
enum LifecycleFile {
    /// Sunset's match data for one product, and where it was written.
    struct Match {
        var id: String
        var node: StrictYAML
        var patterns: [ProgramPattern]
        var executables: [String]
        /// How the importer turns the product into an OS release table, when it does.
        var osTable: StrictYAML?
        /// Which hosts' operating systems the product describes, and how their cycle is found.
        var host: HostMatch?
    }

    static func loadProduct(_ text: String, file: String) throws -> LifecycleProduct {
        let top = try StrictYAML.parse(text, file: file).fields(required: ["version", "lifecycle", "name", "source", "cycles"],
                                                                optional: ["link"])
        try checkVersion(top["version"])
        let cycles = try top["cycles"].list().map { item -> LifecycleCycle in
            let fields = try item.fields(required: ["cycle"], optional: [
                "label", "released", "active-support-end", "security-support-end", "extended-support-end", "latest", "link", "lts",
            ])
            return LifecycleCycle(cycle: try fields["cycle"].string(), label: try fields.optional("label")?.string(),
                                  released: try fields.optional("released")?.date(),
                                  activeSupportEnd: try fields.optional("active-support-end").map(supportEnd),
                                  securitySupportEnd: try fields.optional("security-support-end").map(supportEnd),
                                  extendedSupportEnd: try fields.optional("extended-support-end").map(supportEnd),
                                  latest: try fields.optional("latest")?.string(), link: try fields.optional("link")?.string(),
                                  lts: try fields.optional("lts")?.bool() ?? false)
        }
        return LifecycleProduct(id: try RulePackLoader.identifier(top["lifecycle"]), name: try top["name"].string(),
                                link: try top.optional("link")?.string(), source: try top["source"].string(),
                                cycles: cycles, patterns: [], executables: [])
    }

    static func loadMatch(_ text: String, file: String) throws -> Match {
        let yaml = try StrictYAML.parse(text, file: file)
        let top = try yaml.fields(required: ["version", "lifecycle"], optional: ["programs", "executables", "os-table", "host"])
        try checkVersion(top["version"])
        let patterns = try top.optional("programs")?.list().map { item -> ProgramPattern in
            let fields = try item.fields(required: ["name"], optional: ["cycle-parts"])
            let source = try fields["name"].string()
            let parts = try fields.optional("cycle-parts")?.int()
            if let parts, parts < 1, let node = fields.optional("cycle-parts") { throw node.error("'cycle-parts' must be 1 or more") }
            if parts == nil && !source.contains("?<cycle>") {
                throw fields["name"].error("give 'cycle-parts', or capture the cycle with (?<cycle>…)")
            }
            do {
                return try ProgramPattern(source: source, cycleParts: parts)
            } catch {
                throw fields["name"].error("not a valid regular expression: \(error.localizedDescription)")
            }
        } ?? []
        return Match(id: try RulePackLoader.identifier(top["lifecycle"]), node: top["lifecycle"], patterns: patterns,
                     executables: try top.optional("executables")?.strings() ?? [], osTable: top.optional("os-table"),
                     host: try top.optional("host").map(HostMatch.load))
    }

    /// A date, or `true` (ended, no date) / `false` (no end announced).
    static func supportEnd(_ yaml: StrictYAML) throws -> SupportEnd {
        if case let .scalar(scalar) = yaml.node, scalar.style == .plain, ["true", "false"].contains(scalar.string) {
            return scalar.string == "true" ? .ended : .ongoing
        }
        return .date(try yaml.date())
    }

    private static func checkVersion(_ yaml: StrictYAML) throws {
        let version = try yaml.int()
        guard version == 1 else { throw yaml.error("schema version \(version) is not supported; this build reads version 1") }
    }
}

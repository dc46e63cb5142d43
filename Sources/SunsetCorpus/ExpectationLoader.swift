import SunsetRules

/// Reads a case file's `expected` block.
enum ExpectationLoader {
    static func expected(_ node: StrictYAML) throws -> ExpectedResults {
        let fields = try node.fields(required: [], optional: ["companies", "unattributed-exports", "unattributed-backups",
                                                "findings", "ticks", "exhaustive"])
        var expected = ExpectedResults()
        expected.companies = try fields.optional("companies")?.list().map(company) ?? []
        expected.unattributedExports = Set(try fields.optional("unattributed-exports")?.strings(allowEmpty: true) ?? [])
        expected.unattributedBackups = Set(try fields.optional("unattributed-backups")?.strings(allowEmpty: true) ?? [])
        expected.findings = Set(try fields.optional("findings")?.list().map(finding) ?? [])
        for (company, steps) in try fields.optional("ticks")?.entries() ?? [] {
            for step in try steps.strings(allowEmpty: true) { expected.ticks.insert(TickKey(company: company, step: step)) }
        }
        if let exhaustive = fields.optional("exhaustive") {
            let flags = try exhaustive.fields(required: [], optional: ["findings", "ticks", "companies"])
            expected.findingsExhaustive = try flags.optional("findings")?.bool() ?? true
            expected.ticksExhaustive = try flags.optional("ticks")?.bool() ?? true
            expected.companiesExhaustive = try flags.optional("companies")?.bool() ?? true
        }
        return expected
    }

    private static func company(_ node: StrictYAML) throws -> ExpectedResults.Company {
        let fields = try node.fields(required: ["name"], optional: ["root", "folder", "data-files", "backups", "exports"])
        return ExpectedResults.Company(
            name: try fields["name"].string(), root: try fields.optional("root")?.string(), folder: try fields.optional("folder")?.string(),
            dataFiles: try fields.optional("data-files").map { Set(try $0.strings(allowEmpty: true)) },
            backups: Set(try fields.optional("backups")?.strings(allowEmpty: true) ?? []), exports: Set(try fields.optional("exports")?.strings(allowEmpty: true) ?? []))
    }

    private static let scopes = ["company", "host", "installation", "file", "program"]

    private static func finding(_ node: StrictYAML) throws -> FindingKey {
        let fields = try node.fields(required: ["rule"], optional: scopes)
        let given = scopes.filter { fields.optional($0) != nil }
        guard given.count == 1 else { throw node.error("give the subject as exactly one of \(scopes.joined(separator: ", "))") }
        let rule = try fields["rule"].string()
        guard !rule.contains("/") else { throw fields["rule"].error("write the rule id without its pack") }
        return FindingKey(rule: rule, subject: "\(given[0]) \(try fields[given[0]].string())")
    }
}

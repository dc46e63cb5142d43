/// Reads a case file's `expected` block.
enum ExpectationLoader {
    static func expected(_ node: CaseNode) throws -> ExpectedResults {
        let fields = try node.fields(optional: ["companies", "unattributed-exports", "unattributed-backups",
                                                "findings", "ticks", "exhaustive"])
        var expected = ExpectedResults()
        expected.companies = try fields["companies"]?.list().map(company) ?? []
        expected.unattributedExports = Set(try fields["unattributed-exports"]?.strings() ?? [])
        expected.unattributedBackups = Set(try fields["unattributed-backups"]?.strings() ?? [])
        expected.findings = Set(try fields["findings"]?.list().map(finding) ?? [])
        for (company, steps) in try fields["ticks"]?.entries() ?? [] {
            for step in try steps.strings() { expected.ticks.insert(TickKey(company: company, step: step)) }
        }
        if let exhaustive = fields["exhaustive"] {
            let flags = try exhaustive.fields(optional: ["findings", "ticks", "companies"])
            expected.findingsExhaustive = try flags["findings"]?.bool() ?? true
            expected.ticksExhaustive = try flags["ticks"]?.bool() ?? true
            expected.companiesExhaustive = try flags["companies"]?.bool() ?? true
        }
        return expected
    }

    private static func company(_ node: CaseNode) throws -> ExpectedResults.Company {
        let fields = try node.fields(required: ["name"], optional: ["root", "folder", "data-files", "backups", "exports"])
        return ExpectedResults.Company(
            name: try fields["name"]!.string(), root: try fields["root"]?.string(), folder: try fields["folder"]?.string(),
            dataFiles: try fields["data-files"].map { Set(try $0.strings()) },
            backups: Set(try fields["backups"]?.strings() ?? []), exports: Set(try fields["exports"]?.strings() ?? []))
    }

    private static let scopes = ["company", "host", "installation", "file"]

    private static func finding(_ node: CaseNode) throws -> FindingKey {
        let fields = try node.fields(required: ["rule"], optional: scopes)
        let given = scopes.filter { fields[$0] != nil }
        guard given.count == 1 else { throw node.error("give the subject as exactly one of \(scopes.joined(separator: ", "))") }
        let rule = try fields["rule"]!.string()
        guard !rule.contains("/") else { throw fields["rule"]!.error("write the rule id without its pack") }
        return FindingKey(rule: rule, subject: "\(given[0]) \(try fields[given[0]]!.string())")
    }
}

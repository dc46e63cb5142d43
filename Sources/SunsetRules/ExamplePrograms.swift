import SunsetCore

/// The `programs:` of a rule example: installed programs already matched to a cycle.
///
///     programs:
///       - name: Microsoft Office Professional Plus 2010
///         product: Microsoft Office            # optional, default the name
///         cycle: "2010"                        # optional
///         security-support-end: 2020-10-13     # a date, true (ended) or false (ongoing)
///         active-support-end: 2015-10-13
///         inferred: false                      # optional: older than every listed cycle
///         files: {.mdb: 3}                     # optional: dependent files by extension
///         also-opened-by: [LibreOffice 24.8]   # optional: other programs that open them
///         operating-system: true               # optional: it stands for a host's system
///         undecided: "two cycles share …"      # optional: the dates are a lower bound, and why
///
/// An entry with `lifecycle: unknown` is listed without a match (never judged).
enum ExamplePrograms {
    static func load(_ yaml: StrictYAML) throws -> [InstalledProgram] {
        let hive = Location(root: 0, path: VolumePath("Windows/System32/config/SOFTWARE"))
        let evidence = [Evidence(signature: "example", detail: "written in the rule pack", confidence: .high)]
        return try yaml.list().enumerated().map { index, item in
            let fields = try item.fields(required: ["name"], optional: [
                "version", "product", "cycle", "released", "active-support-end", "security-support-end",
                "extended-support-end", "inferred", "files", "also-opened-by", "lifecycle", "operating-system", "undecided",
            ])
            let name = try fields["name"].string()
            var program = InstalledProgram(name: name, version: try fields.optional("version")?.string(), hive: hive,
                                           key: "Microsoft\\Windows\\CurrentVersion\\Uninstall\\example-\(index + 1)")
            if let marker = fields.optional("lifecycle") {
                guard try marker.string() == "unknown" else { throw marker.error("'lifecycle' can only be 'unknown'") }
                return program
            }
            program.lifecycle = ProgramLifecycle(
                product: "example", productName: try fields.optional("product")?.string() ?? name,
                cycle: try fields.optional("cycle")?.string(), version: program.version,
                releaseDate: try fields.optional("released")?.date(),
                activeSupportEnd: try fields.optional("active-support-end").map(LifecycleFile.supportEnd),
                securitySupportEnd: try fields.optional("security-support-end").map(LifecycleFile.supportEnd),
                extendedSupportEnd: try fields.optional("extended-support-end").map(LifecycleFile.supportEnd),
                link: "https://endoflife.date/example", inferred: try fields.optional("inferred")?.bool() ?? false,
                source: "the rule's example", evidence: evidence)
            program.lifecycle?.undecided = try fields.optional("undecided")?.string()
            if program.lifecycle?.undecided != nil { program.lifecycle?.lowerBound = true }
            if try fields.optional("operating-system")?.bool() == true { program.kind = .operatingSystem }
            let others = try fields.optional("also-opened-by")?.strings() ?? []
            if let files = fields.optional("files") {
                program.dependentFiles = try files.entries().map { ext, count in
                    DependentFiles(fileExtension: ext, files: try count.int(), folders: [], otherPrograms: others, evidence: evidence)
                }
            }
            return program
        }
    }
}

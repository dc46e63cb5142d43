import Foundation
import SunsetCore

/// Reads rule packs strictly: every key known, every type right, every fact name and
/// template checked, ids unique, and (unless asked not to) every example run. Each rule and
/// step is checked on its own, so one load reports all their errors.
///
/// `sunset rules validate`, the built-in packs and the test suite run the examples. An
/// audit with `--rules` does not: moving a date to try out a scenario must change the
/// findings, not stop the audit because the examples describe the old date.
public enum RulePackLoader {
    /// Loads one pack from YAML text. `file` names it in errors; `source` is recorded in
    /// results; `osReleases` are the tables its host examples are judged with.
    ///
    /// `judgingOnly` reads only what judging needs: no examples, no condition text for
    /// `rules explain`, and no check of the message templates (the engine parses them when
    /// it renders). It is for the built-in packs, which the test suite reads in full
    /// (RuleExampleTests), so that every command does not check them again at start-up.
    public static func load(yaml text: String, file: String, source: String? = nil,
                            osReleases: OSReleases = PackSet.builtInOSReleases,
                            runExamples: Bool = true, signaturesOnly: Bool = false,
                            judgingOnly: Bool = false) throws -> RulePack {
        precondition(!(judgingOnly && runExamples), "examples are not read when judging only")
        let parsed = try StrictYAML.parse(text, file: file)
        let full = !judgingOnly
        if case let .mapping(mapping) = parsed.node, mapping["programs"] != nil {
            return try loadProgramPack(parsed, file: file, source: source, osReleases: osReleases, runExamples: runExamples,
                                       signaturesOnly: signaturesOnly, full: full)
        }
        let top = try parsed.fields(required: ["version", "pack", "product", "signatures", "rules", "checklist"])
        let version = try top["version"].int()
        guard RulePack.supportedVersions.contains(version) else {
            throw top["version"].error("schema version \(version) is not supported; this build reads version \(RulePack.supportedVersions.map(String.init).joined(separator: ", "))")
        }
        let diagnostics = Diagnostics()
        let header = try diagnostics.attempt { () throws -> (String, String) in
            let pack = try top["pack"].fields(required: ["id", "version"])
            return (try identifier(pack["id"]), try pack["version"].string())
        }
        let product = try diagnostics.attempt { try loadProduct(top["product"]) }
        let signatures = try diagnostics.attempt { try loadSignatures(top["signatures"], product: header?.0 ?? "pack") }
        guard let (id, packVersion) = header, let product, let signatures else {
            try diagnostics.check()
            preconditionFailure("a missing part always records an error")
        }
        if signaturesOnly {  // what a scan needs; the rules are left unread (see PackSet.builtInSignatures)
            return RulePack(id: id, version: packVersion, product: product, signatures: signatures,
                            rules: [], checklist: [], source: source ?? file)
        }
        let dates = product.dates
        let rules = try loadList(top["rules"], diagnostics) { try loadRule($0, pack: id, dates: dates, full: full) }
        let steps = try loadList(top["checklist"], diagnostics) { try loadStep($0, pack: id, dates: dates, full: full) }
        try diagnostics.check()
        let pack = RulePack(id: id, version: packVersion, product: product, signatures: signatures,
                            rules: rules, checklist: steps, source: source ?? file)
        if runExamples {
            _ = try diagnostics.attempt { try ExampleRunner(osReleases: osReleases).check(pack) }
            try diagnostics.check()
        }
        return pack
    }

    /// Loads a pack file from disk.
    public static func load(contentsOf url: URL, osReleases: OSReleases = PackSet.builtInOSReleases,
                            runExamples: Bool = true) throws -> RulePack {
        try load(yaml: try PackSet.read(url), file: url.path, osReleases: osReleases, runExamples: runExamples)
    }

    // MARK: - Product and signatures

    /// Names a lifecycle date may not take: they are already `product.*` facts.
    static let reservedDateNames = ["name", "vendor", "installations", "companies", "readable-backups", "offsite-backups"]

    private static func loadProduct(_ yaml: StrictYAML) throws -> RulePack.Product {
        let fields = try yaml.fields(required: ["name", "vendor", "support-end"], optional: ["offers", "dates"])
        let supportEnd = try fields["support-end"].date()
        var dates = ["support-end": supportEnd]
        func add(_ name: String, _ day: CalendarDay, at node: StrictYAML) throws {
            guard !reservedDateNames.contains(name) else {
                throw node.error("'\(name)' is taken by the fact 'product.\(name)'; choose another date name")
            }
            guard dates[name] == nil else { throw node.error("the date name '\(name)' is used twice") }
            dates[name] = day
        }
        var offers: [RulePack.Offer] = []
        for item in try fields.optional("offers")?.list() ?? [] {
            let offer = try item.fields(required: ["id", "title", "deadline"])
            let id = try identifier(offer["id"])
            let deadline = try offer["deadline"].date()
            try add(id, deadline, at: offer["id"])
            offers.append(.init(id: id, title: try LocalizedText.load(offer["title"]), deadline: deadline))
        }
        for (name, value) in try fields.optional("dates")?.entries() ?? [] {
            guard isWord(name, firstDigit: false) || name.range(of: #"^[a-z][a-z0-9-]*$"#, options: .regularExpression) != nil else {
                throw value.error("date names are lower-case words joined by '-', not '\(name)'")
            }
            try add(name, try value.date(), at: value)
        }
        return .init(name: try fields["name"].string(), vendor: try fields["vendor"].string(),
                     supportEnd: supportEnd, offers: offers, dates: dates)
    }

    private static func loadSignatures(_ yaml: StrictYAML, product: String) throws -> ProductSignatures {
        let top = try yaml.fields(required: ["installation", "company", "backup", "export"])
        let install = try top["installation"].fields(required: ["folders", "executables"],
                                                    optional: ["shortcuts", "version-info", "registry-names"])
        let company = try top["company"].fields(required: ["folders"], optional: ["markers", "data-folders"])
        let backup = try top["backup"].fields(required: ["names", "words"])
        let export = try top["export"].fields(required: ["clients", "products"], optional: ["tables"])
        let tables = try export.optional("tables")?.fields(required: ["clients", "products"])
        return ProductSignatures(
            product: product,
            installFolders: try install["folders"].strings(),
            executables: try install["executables"].strings(),
            shortcuts: try install.optional("shortcuts")?.strings() ?? [],
            versionInfo: try install.optional("version-info")?.strings() ?? [],
            registryNames: try install.optional("registry-names")?.strings() ?? [],
            companyFolders: try company["folders"].strings(),
            companyFolderMarkers: try company.optional("markers").map(words) ?? [],
            dataFolderNames: try company.optional("data-folders")?.strings() ?? [],
            backupNames: try backup["names"].strings(),
            backupWords: try words(backup["words"]),
            clientListWords: try words(export["clients"]),
            productListWords: try words(export["products"]),
            clientTableWords: try tables.map { try words($0["clients"]) } ?? [],
            productTableWords: try tables.map { try words($0["products"]) } ?? []
        )
    }

    /// A list of words matched in names. The scanner compares their letters and digits only
    /// (case, accents and punctuation aside), so an entry with none could never match.
    private static func words(_ yaml: StrictYAML) throws -> [String] {
        let words = try yaml.strings()
        for (item, word) in zip(try yaml.list(), words) where !word.contains(where: { $0.isLetter || $0.isNumber }) {
            throw item.error("'\(word)' has no letter or digit, so it can match no name")
        }
        return words
    }

    // MARK: - Helpers

    /// Loads each item of a list on its own, recording its errors, and refuses duplicate ids.
    static func loadList<T>(_ yaml: StrictYAML, _ diagnostics: Diagnostics, _ loadItem: (StrictYAML) throws -> T) throws -> [T] {
        guard let items = try diagnostics.attempt({ try yaml.list() }) else { return [] }
        var seen: [String: Int] = [:]
        return try items.compactMap { item in
            if case let .mapping(mapping) = item.node, let idNode = mapping["id"], let id = idNode.string {
                let line = idNode.mark?.line ?? 0
                if let first = seen[id] {
                    diagnostics.record(StrictYAML(node: idNode, file: item.file, keyPath: item.keyPath + ".id")
                        .error("duplicate id '\(id)' (first defined on line \(first))"))
                    return nil
                }
                seen[id] = line
            }
            return try diagnostics.attempt { try loadItem(item) }
        }
    }

    static func identifier(_ yaml: StrictYAML) throws -> String {
        let text = try yaml.string()
        guard isWord(text, firstDigit: true) || text.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil else {
            throw yaml.error("ids are lower-case letters, digits and '-', not '\(text)'")
        }
        return text
    }

    /// Lower-case ASCII letters, digits and '-', starting with a letter (or a digit too, with
    /// `firstDigit`): the common case of the patterns above, checked without a regular
    /// expression, which then decides only the rest (with its own reading of `$`).
    static func isWord(_ text: String, firstDigit: Bool) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
                || (firstDigit && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)) else { return false }
        while let byte = bytes.next() {
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-") else { return false }
        }
        return true
    }
}

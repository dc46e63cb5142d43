import SunsetCore

/// The releases of one operating-system family (e.g. `Rules/os/windows.yaml`): build
/// number, name, release date and end of support, from public lifecycle facts. The OS
/// rules read it through the `host.*` facts; it is data, so a new release is a YAML edit.
public struct OSReleaseTable: Sendable {
    /// One release, covering builds from its own up to the next release's.
    public struct Release: Hashable, Sendable {
        public var name: String
        public var build: Int
        public var released: CalendarDay
        public var endOfSupport: CalendarDay
        /// The edition it belongs to (`server`); nil for the family's main line.
        public var edition: String? = nil
    }

    /// The host family it describes, as `HostOS.family` says it (`windows`).
    public var family: String
    /// Releases by increasing build number.
    public var releases: [Release]
    /// `built-in` or the file it was loaded from.
    public var source: String
    /// Editions by name, each with the word a host's name holds when it is of that edition
    /// (`server: Server`): their releases share build numbers with the main line.
    public var editions: [String: String] = [:]

    /// The edition a host belongs to, from its name and edition text (`ServerStandard`); nil for the main line.
    public func edition(forHostName name: String?) -> String? {
        guard let name else { return nil }
        return editions.sorted { $0.key < $1.key }.first { name.range(of: $0.value, options: .caseInsensitive) != nil }?.key
    }

    /// The release a build belongs to: the last one of the host's edition whose build is not above it.
    public func release(forBuild build: Int, hostName: String? = nil) -> Release? {
        let edition = edition(forHostName: hostName)
        return releases.last { $0.edition == edition && $0.build <= build }
    }

    /// How many releases of the host's edition came out after `day`, counting up to and
    /// including the one `build` belongs to.
    public func releases(after day: CalendarDay, upToBuild build: Int, hostName: String? = nil) -> Int {
        let edition = edition(forHostName: hostName)
        return releases.filter { $0.edition == edition && $0.released > day && $0.build <= build }.count
    }
}

extension OSReleaseTable {
    /// Reads a table strictly: builds must increase, support must end after release.
    public static func load(yaml text: String, file: String, source: String? = nil) throws -> OSReleaseTable {
        let top = try StrictYAML.parse(text, file: file).fields(required: ["version", "os", "releases"],
                                                                optional: ["references", "editions"])
        let version = try top["version"].int()
        guard RulePack.supportedVersions.contains(version) else {
            throw top["version"].error("schema version \(version) is not supported; this build reads version 1")
        }
        _ = try top.optional("references")?.strings()
        let editions = Dictionary(try top.optional("editions")?.entries().map { ($0.key, try $0.value.string()) } ?? [],
                                  uniquingKeysWith: { first, _ in first })
        var releases: [Release] = []
        for item in try top["releases"].list() {
            let fields = try item.fields(required: ["name", "build", "released", "end-of-support"], optional: ["edition"])
            let edition = try fields.optional("edition")?.string()
            if let edition, editions[edition] == nil, let node = fields.optional("edition") {
                throw node.error("unknown edition '\(edition)'; name it under 'editions' first" + Spelling.hint(for: edition, among: editions.keys.sorted()))
            }
            let release = Release(name: try fields["name"].string(), build: try fields["build"].int(),
                                  released: try fields["released"].date(), endOfSupport: try fields["end-of-support"].date(),
                                  edition: edition)
            if let previous = releases.last(where: { $0.edition == edition }), release.build <= previous.build {
                throw fields["build"].error("builds must increase down the list: \(release.build) comes after \(previous.build) (\(previous.name))")
            }
            if releases.contains(where: { $0.name == release.name }) {
                throw fields["name"].error("duplicate release '\(release.name)'")
            }
            guard release.endOfSupport >= release.released else {
                throw fields["end-of-support"].error("support cannot end (\(release.endOfSupport)) before the release (\(release.released))")
            }
            releases.append(release)
        }
        guard !releases.isEmpty else { throw top["releases"].error("the list must not be empty") }
        return OSReleaseTable(family: try top["os"].string(), releases: releases, source: source ?? file, editions: editions)
    }
}

/// The OS release tables an audit uses, by family.
public struct OSReleases: Sendable {
    public var tables: [String: OSReleaseTable]

    /// Tables by family; a later table replaces an earlier one of the same family.
    public init(_ tables: [OSReleaseTable] = []) {
        self.tables = [:]
        for table in tables { self.tables[table.family] = table }
    }

    /// The table for a host family, if there is one.
    public func table(for family: String) -> OSReleaseTable? { tables[family] }
}

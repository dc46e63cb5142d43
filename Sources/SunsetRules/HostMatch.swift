import Foundation
import SunsetCore

/// Sunset's own data for judging a host's operating system by a lifecycle pack (the `host:`
/// section of a match file in `Rules/lifecycle/match/`): which hosts the pack describes, how a
/// host's version finds its cycle, and which cycles belong to which editions.
///
/// ```yaml
/// host:
///   family: windows          # HostOS.family
///   servers: true            # only servers (false: only clients; left out: both)
///   match-by: latest         # `latest`: the cycle whose latest version has the host's build;
///                            # `cycle`: the cycle whose number starts the host's version (macOS)
///   editions:
///     - cycles: ['*-e-lts']              # cycle ids (globs) of one edition
///       edition-ids: ['EnterpriseS*']    # the host's EditionID it needs (globs, any case)
///       needs-evidence: true             # an unknown EditionID never picks it
///   label-words: {'(E)': '(Enterprise, Education)'}   # the data's shorthand, in words
/// ```
public struct HostMatch: Sendable, Hashable {
    /// How a host's version is compared with the cycles.
    public enum Method: String, CaseIterable, Sendable {
        case latest, cycle
    }

    /// One edition: the cycles it has and what a host must show to run it.
    public struct Edition: Sendable, Hashable {
        public var cycles: [String]
        public var editionIDs: [String]
        public var installationTypes: [String]
        public var servicePacks: [String]
        /// When the host's field is unknown, the cycles are left out rather than kept as candidates.
        public var needsEvidence: Bool
    }

    public var family: String
    /// true: servers only; false: clients only; nil: both.
    public var servers: Bool?
    public var method: Method
    public var editions: [Edition]
    /// Shorthand in the data's cycle labels and what to write instead, longest first.
    public var labelWords: [(String, String)] = []

    public static func == (lhs: HostMatch, rhs: HostMatch) -> Bool {
        lhs.family == rhs.family && lhs.servers == rhs.servers && lhs.method == rhs.method && lhs.editions == rhs.editions
            && lhs.labelWords.map(\.0) == rhs.labelWords.map(\.0) && lhs.labelWords.map(\.1) == rhs.labelWords.map(\.1)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(family)
        hasher.combine(method)
    }

    /// A cycle label with the data's shorthand written out ("11 23H2 (E)" → "11 23H2 (Enterprise, Education)").
    func spelledOut(_ label: String?) -> String? {
        guard var label else { return nil }
        for (short, long) in labelWords { label = label.replacingOccurrences(of: short, with: long) }
        return label
    }

    /// Reads a `host:` section strictly.
    static func load(_ yaml: StrictYAML) throws -> HostMatch {
        let fields = try yaml.fields(required: ["family", "match-by"], optional: ["servers", "editions", "label-words"])
        let editions = try fields.optional("editions")?.list().map { item -> Edition in
            let edition = try item.fields(required: ["cycles"],
                                          optional: ["edition-ids", "installation-types", "service-packs", "needs-evidence"])
            let result = Edition(cycles: try edition["cycles"].strings(),
                                 editionIDs: try edition.optional("edition-ids")?.strings() ?? [],
                                 installationTypes: try edition.optional("installation-types")?.strings() ?? [],
                                 servicePacks: try edition.optional("service-packs")?.strings() ?? [],
                                 needsEvidence: try edition.optional("needs-evidence")?.bool() ?? false)
            if result.editionIDs.isEmpty && result.installationTypes.isEmpty && result.servicePacks.isEmpty {
                throw item.error("an edition needs 'edition-ids', 'installation-types' or 'service-packs'")
            }
            return result
        } ?? []
        var match = HostMatch(family: try fields["family"].string(), servers: try fields.optional("servers")?.bool(),
                              method: try fields["match-by"].choice(Method.self), editions: editions)
        match.labelWords = try (fields.optional("label-words")?.entries() ?? []).map { ($0.key, try $0.value.string()) }
            .sorted { $0.0.count > $1.0.count }
        return match
    }

    /// True when the pack describes this host.
    func describes(_ host: HostOS) -> Bool {
        guard host.family == family else { return false }
        return servers.map { $0 == host.isServer } ?? true
    }
}

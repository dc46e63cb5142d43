import SunsetCore

/// Every fact a condition or template may name in one scope, with its type and meaning,
/// and every collection a `count` may filter, with the facts of its items. Packs are
/// type-checked against it when they load.
public struct FactCatalog: Sendable {
    /// One named value: its type and what it means.
    public struct Entry: Sendable {
        public var type: FactType
        public var meaning: LocalizedText
    }

    /// A list of items (backups, exports …) and the facts each item has.
    public struct Collection: Sendable {
        public var meaning: LocalizedText
        public var items: FactCatalog
    }

    public var values: [String: Entry]
    public var collections: [String: Collection]

    /// The type of a value, nil when the name is unknown.
    public func type(of name: String) -> FactType? { values[name]?.type }

    /// Every value and collection name, sorted (for "did you mean").
    public var names: [String] { (Array(values.keys) + Array(collections.keys)).sorted() }

    /// This catalog with an item catalog laid over it (inside a `count`'s `where`).
    func including(_ items: FactCatalog) -> FactCatalog {
        FactCatalog(values: values.merging(items.values) { _, new in new },
                    collections: collections.merging(items.collections) { _, new in new })
    }

    /// The catalog of a rule of `scope`, or of a global checklist step when `scope` is nil.
    /// `dates` are the pack's lifecycle date names (`support-end`, offer ids …).
    public static func forScope(_ scope: Subject.Kind?, dates: [String]) -> FactCatalog {
        var catalog = FactCatalog(values: FactTable.common, collections: FactTable.commonCollections)
        for name in dates {
            catalog.values["product.\(name)"] = Entry(type: .date, meaning: LocalizedText([
                .en: "the product's '\(name)' date, from the pack",
                .fr: "la date « \(name) » du produit, tirée du jeu de règles",
            ]))
        }
        switch scope {
        case nil: break
        case .host?:
            catalog.values.merge(FactTable.host) { _, new in new }
            for name in dates {
                catalog.values["host.releases-after.\(name)"] = Entry(type: .number, meaning: LocalizedText([
                    .en: "the number of releases of the host's OS that came out after the product's '\(name)' date, up to the host's own build",
                    .fr: "le nombre de versions du système de l'hôte sorties après la date « \(name) » du produit, jusqu'à la version de l'hôte",
                ]))
            }
        case .installation?: catalog.values.merge(FactTable.installation) { _, new in new }
        case .company?:
            catalog.values.merge(FactTable.company) { _, new in new }
            catalog.collections.merge(FactTable.companyCollections) { _, new in new }
        case .file?: catalog.values.merge(FactTable.file) { _, new in new }
        case .program?: catalog.values.merge(FactTable.program) { _, new in new }
        }
        return catalog
    }
}

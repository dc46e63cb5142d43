import Foundation
import SunsetCore
import SunsetRules
import Testing

/// `docs/rule-packs.md` names every fact and collection a condition can use, so a fact
/// added to the engine cannot stay undocumented.
@Suite struct DocumentationTests {
    static let docs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/rule-packs.md")

    @Test func everyFactAndCollectionIsDocumented() throws {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        var names = Set<String>()
        for scope in [nil] + Subject.Kind.allCases.map(Optional.some) {
            let catalog = FactCatalog.forScope(scope, dates: ["<date>"])
            names.formUnion(catalog.names)
            for collection in catalog.collections.values { names.formUnion(collection.items.names) }
        }
        #expect(names.count > 50)
        let missing = names.sorted().filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "undocumented: \(missing)")
    }
}

import Foundation
import SunsetCore

/// The lifecycle packs an audit matches installed programs against: the generated product
/// files of `Rules/lifecycle/` joined with the hand-written match data of
/// `Rules/lifecycle/match/` (compiled in, or from a folder of the same layout).
public struct LifecycleSet: Sendable {
    /// Products by id, sorted.
    public var products: [LifecycleProduct]

    public init(products: [LifecycleProduct]) {
        self.products = products.sorted { $0.id < $1.id }
    }

    /// The packs compiled into the binary. With `systemsOnly`, only the products that describe
    /// a host's operating system (a `host:` section in their match data): judging the hosts of
    /// a scan that read no registry needs three products, not every one.
    public static func builtIn(systemsOnly: Bool = false) throws -> LifecycleSet {
        let files = Embedded.base64.keys.sorted().filter { $0.hasPrefix("lifecycle/") && $0.hasSuffix(".yaml") }
        let text = { (path: String) in String(decoding: Embedded.data(path) ?? Data(), as: UTF8.self) }
        var match = files.filter { $0.hasPrefix("lifecycle/match/") }.map { ("Rules/\($0)", text($0)) }
        var generated = files.filter { !$0.hasPrefix("lifecycle/match/") }
        if systemsOnly {
            // Only the products whose match data has a host section are decoded and parsed.
            match = try match.filter { try LifecycleFile.loadMatch($0.1, file: $0.0).host != nil }
            let names = Set(match.map { ($0.0 as NSString).lastPathComponent })
            generated = generated.filter { names.contains(($0 as NSString).lastPathComponent) }
        }
        return try join(generated: generated.map { ("Rules/\($0)", text($0)) }, match: match)
    }

    /// The packs of a folder laid out like `Rules/lifecycle/` (product files, and `match/`).
    public static func load(folder: URL) throws -> LifecycleSet {
        func yaml(_ folder: URL) throws -> [(String, String)] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return try names.filter { $0.hasSuffix(".yaml") }.sorted().map {
                let url = folder.appendingPathComponent($0)
                return (url.path, try PackSet.read(url))
            }
        }
        return try join(generated: yaml(folder), match: yaml(folder.appendingPathComponent("match")))
    }

    /// Generated files and match files, joined by product id; a match file for a product
    /// that has no generated file is an error.
    static func join(generated: [(file: String, text: String)], match: [(file: String, text: String)]) throws -> LifecycleSet {
        var products: [String: LifecycleProduct] = [:]
        for (file, text) in generated {
            let product = try LifecycleFile.loadProduct(text, file: file)
            products[product.id] = product
        }
        for (file, text) in match {
            let data = try LifecycleFile.loadMatch(text, file: file)
            guard var product = products[data.id] else {
                throw data.node.error("no generated lifecycle pack for '\(data.id)'"
                                      + Spelling.hint(for: data.id, among: products.keys.sorted()))
            }
            for (cycle, node) in data.namedCycles where product.candidates(for: cycle).isEmpty {
                throw node.error("the data lists no cycle '\(cycle)' for \(product.id)"
                                 + Spelling.hint(for: cycle, among: product.cycles.map(\.cycle)))
            }
            for (cycle, node, match) in data.cycles {
                guard product.cycles.contains(where: { $0.cycle == cycle }) else {
                    throw node.error("the data lists no cycle '\(cycle)' for \(product.id)"
                                     + Spelling.hint(for: cycle, among: product.cycles.map(\.cycle)))
                }
                product.cycleMatch[cycle] = match
            }
            product.patterns = data.patterns
            product.executables = data.executables
            product.host = data.host
            products[data.id] = product
        }
        return LifecycleSet(products: Array(products.values))
    }
}

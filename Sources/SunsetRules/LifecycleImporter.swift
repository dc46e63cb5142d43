import Foundation
import SunsetCore

/// `sunset rules import-endoflife DIR --to DIR`: turns endoflife.date product files into
/// Sunset's generated lifecycle packs (one file per product) and, for products whose match
/// data has an `os-table` section, the OS release tables beside them (`../os/`). The output
/// depends only on the input, so a second run changes nothing.
public struct LifecycleImporter: Sendable {
    /// The folder of product files (the vendored snapshot, or a checkout's `products/`).
    public var source: URL
    /// Where the generated packs go; its `match/` subfolder holds Sunset's match data.
    public var destination: URL
    /// Where the OS tables go (default: `os/` beside the destination).
    public var osDestination: URL

    public init(source: URL, destination: URL, osDestination: URL? = nil) {
        self.source = source
        self.destination = destination
        self.osDestination = osDestination ?? destination.deletingLastPathComponent().appendingPathComponent("os")
    }

    /// The files the import would write, by path, with their text.
    public func render() throws -> [(url: URL, text: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".md") }.filter { $0.lowercased() != "readme.md" }.sorted()
        guard !names.isEmpty else {
            throw RulePackError.unreadable(file: source.path, reason: "no endoflife.date product files (*.yaml or *.md) here")
        }
        let attribution = Self.attribution(of: source)
        let matches = try matchData()
        var outputs: [(URL, String)] = []
        var tables: [String: [(EndOfLifeSource, StrictYAML)]] = [:]
        for name in names {
            let url = source.appendingPathComponent(name)
            let id = String(name.prefix { $0 != "." })
            let product = try EndOfLifeSource.load(try PackSet.read(url), file: url.path, id: id)
            outputs.append((destination.appendingPathComponent("\(id).yaml"), LifecycleWriter.product(product, source: attribution)))
            if let table = matches[id]?.osTable {
                let family = try table.fields(required: ["family"], optional: OSTableImport.keys)["family"].string()
                tables[family, default: []].append((product, table))
            }
        }
        for (family, parts) in tables.sorted(by: { $0.key < $1.key }) {
            let text = try OSTableImport.render(family: family, parts: parts, source: attribution)
            outputs.append((osDestination.appendingPathComponent("\(family).yaml"), text))
        }
        return outputs
    }

    /// Writes the files; returns how many changed.
    @discardableResult
    public func run() throws -> Int {
        var changed = 0
        for (url, text) in try render() {
            if (try? String(contentsOf: url, encoding: .utf8)) == text { continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw RulePackError.unreadable(file: url.path, reason: "cannot write: \(error.localizedDescription)")
            }
            changed += 1
        }
        return changed
    }

    /// The match files of the destination, by product id.
    private func matchData() throws -> [String: LifecycleFile.Match] {
        let folder = destination.appendingPathComponent("match")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var found: [String: LifecycleFile.Match] = [:]
        for name in names {
            let url = folder.appendingPathComponent(name)
            let match = try LifecycleFile.loadMatch(try PackSet.read(url), file: url.path)
            found[match.id] = match
        }
        return found
    }

    /// "endoflife.date, commit …, MIT licence", with the commit and date a snapshot's README gives.
    static func attribution(of folder: URL) -> String {
        let readme = (try? String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        var text = "endoflife.date (MIT licence)"
        if let commit = readme.firstMatch(of: #/\b[0-9a-f]{40}\b/#) {
            text += ", commit \(commit.output)"
            let after = readme[commit.range.upperBound...]
            if let day = after.firstMatch(of: #/\d{4}-\d{2}-\d{2}/#), after.distance(from: after.startIndex, to: day.range.lowerBound) < 20 {
                text += " of \(day.output)"
            }
        }
        return text
    }
}

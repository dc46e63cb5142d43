import Foundation
import SunsetCore

/// The packs an audit runs with: the built-in ones, then those from `--rules` paths, a
/// later pack replacing an earlier one with the same id.
public enum PackSet {
    /// The packs compiled into the binary (from the repository's `Rules/` folder).
    /// Product packs only; `Rules/os/` holds reference tables, not products.
    public static func builtIn() throws -> [RulePack] {
        try Embedded.base64.keys.sorted()
            .filter { $0.hasSuffix(".yaml") && !$0.contains("/") }
            .map { path in
                let text = String(decoding: Embedded.data(path) ?? Data(), as: UTF8.self)
                return try RulePackLoader.load(yaml: text, file: "Rules/\(path)", source: "built-in")
            }
    }

    /// The built-in packs overridden and extended by files or folders of `*.yaml` packs.
    public static func load(extra paths: [String]) throws -> [RulePack] {
        var packs = try builtIn()
        for path in paths {
            for file in try packFiles(at: path) {
                let pack = try RulePackLoader.load(contentsOf: file)
                packs.removeAll { $0.id == pack.id }
                packs.append(pack)
            }
        }
        return packs.sorted { $0.id < $1.id }
    }

    /// A file itself, or the `*.yaml` files directly inside a folder, sorted.
    public static func packFiles(at path: String) throws -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RulePackError.unreadable(file: path, reason: "no such file or folder")
        }
        let url = URL(fileURLWithPath: path)
        guard isFolder.boolValue else { return [url] }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { url.appendingPathComponent($0) }
    }
}

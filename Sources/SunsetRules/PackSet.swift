import Foundation
import SunsetCore

/// The packs and OS tables an audit runs with: the built-in ones (compiled in from
/// `Rules/`), then those from `--rules` paths. A `--rules` pack replaces the built-in pack
/// with the same id; an OS table replaces the built-in table of its family.
public enum PackSet {
    // MARK: - Built in

    /// The product packs compiled into the binary (`Rules/*.yaml`), read in full: every
    /// template checked and every example read (the test suite runs them).
    public static func builtIn() throws -> [RulePack] {
        try builtIn(judgingOnly: false)
    }

    /// The built-in packs, read in full or (`judgingOnly`) with only what judging needs: no
    /// examples, no condition text and no template checks, which `builtIn()` and the test
    /// suite do, so that a shipped binary does not redo them at every start.
    static func builtIn(judgingOnly: Bool) throws -> [RulePack] {
        try Embedded.base64.keys.sorted()
            .filter { $0.hasSuffix(".yaml") && !$0.contains("/") }
            .map { path in
                // Their examples run in the test suite (RuleExampleTests) and in `rules
                // validate`; a shipped binary does not run them again at every start, so it
                // needs no OS tables to judge them with (the audit reads those on its own).
                try RulePackLoader.load(yaml: embeddedText(path), file: "Rules/\(path)", source: "built-in",
                                        osReleases: OSReleases(), runExamples: false, judgingOnly: judgingOnly)
            }
    }

    /// What `sunset scan` needs: the signatures of the built-in packs (read without their
    /// rules, which the test suite checks) and of the packs given with `--rules` (read fully,
    /// so a broken pack is reported by every command).
    public static func signatures(extra paths: [String]) throws -> [ProductSignatures] {
        var packs = try Embedded.base64.keys.sorted()
            .filter { $0.hasSuffix(".yaml") && !$0.contains("/") }
            .map { try RulePackLoader.load(yaml: embeddedText($0), file: "Rules/\($0)", source: "built-in",
                                           runExamples: false, signaturesOnly: true) }
        for pack in try load(fromDisk: paths) {
            packs.removeAll { $0.id == pack.id }
            packs.append(pack)
        }
        return packs.filter { !$0.aboutPrograms }.sorted { $0.id < $1.id }.map(\.signatures)
    }

    /// The OS release tables compiled into the binary (`Rules/os/*.yaml`).
    public static func builtInOSTables() throws -> [OSReleaseTable] {
        try Embedded.base64.keys.sorted()
            .filter { $0.hasPrefix("os/") && $0.hasSuffix(".yaml") }
            .map { try OSReleaseTable.load(yaml: embeddedText($0), file: "Rules/\($0)", source: "built-in") }
    }

    /// The built-in tables, loaded once. They are checked by the test suite, so a broken
    /// table cannot ship; should one fail anyway, the OS rules see no release data.
    public static let builtInOSReleases = OSReleases((try? builtInOSTables()) ?? [])

    private static func embeddedText(_ path: String) -> String {
        String(decoding: Embedded.data(path) ?? Data(), as: UTF8.self)
    }

    // MARK: - With --rules

    /// The built-in packs overridden and extended by pack files and folders. The examples of
    /// packs from disk are read (so a broken one is refused) but not run here (`sunset rules
    /// validate` runs them); those of the built-in packs are read only `withExamples` (for
    /// `rules explain`, which shows them and the conditions as written).
    public static func load(extra paths: [String], withExamples: Bool = false) throws -> [RulePack] {
        var packs = try builtIn(judgingOnly: !withExamples)
        for pack in try load(fromDisk: paths) {
            packs.removeAll { $0.id == pack.id }
            packs.append(pack)
        }
        return packs.sorted { $0.id < $1.id }
    }

    /// The packs among the given files and folders, each id at most once.
    static func load(fromDisk paths: [String]) throws -> [RulePack] {
        guard !paths.isEmpty else { return [] }
        let tables = try osReleases(extra: paths)
        var packs: [RulePack] = []
        var fromDisk: [String: String] = [:]
        for path in paths {
            for file in try files(at: path) where file.kind == .pack {
                let pack = try RulePackLoader.load(contentsOf: file.url, osReleases: tables, runExamples: false)
                if let earlier = fromDisk[pack.id] {
                    throw RulePackError.unreadable(file: file.url.path, reason: "pack '\(pack.id)' is also defined in \(earlier); give it once")
                }
                fromDisk[pack.id] = file.url.path
                packs.append(pack)
            }
        }
        return packs
    }

    /// The built-in OS tables overridden by tables among the given files and folders.
    public static func osReleases(extra paths: [String]) throws -> OSReleases {
        guard !paths.isEmpty else { return builtInOSReleases }  // loaded once already
        var tables = try builtInOSTables()
        for path in paths {
            for file in try files(at: path) where file.kind == .osTable {
                tables.append(try OSReleaseTable.load(yaml: try read(file.url), file: file.url.path))
            }
        }
        return OSReleases(tables)
    }

    // MARK: - Files

    /// What a YAML file under `Rules/` holds.
    public enum FileKind: Sendable { case pack, osTable }

    /// A rules file and what it holds.
    public struct File: Sendable {
        public var url: URL
        public var kind: FileKind
    }

    /// A file itself, or the `*.yaml` packs directly inside a folder and the OS tables in
    /// its `os/` subfolder, sorted. A file is an OS table when its top level has `os:`.
    public static func files(at path: String) throws -> [File] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RulePackError.unreadable(file: path, reason: "no such file or folder")
        }
        let url = URL(fileURLWithPath: path)
        guard isFolder.boolValue else { return [File(url: url, kind: try kind(of: url))] }
        let packs = yamlFiles(in: url).map { File(url: $0, kind: .pack) }
        let tables = yamlFiles(in: url.appendingPathComponent("os")).map { File(url: $0, kind: .osTable) }
        return packs + tables
    }

    private static func yamlFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder.appendingPathComponent($0) }
    }

    private static func kind(of url: URL) throws -> FileKind {
        let text = try read(url)
        let isTable = text.split(separator: "\n").contains { $0.hasPrefix("os:") }
        return isTable ? .osTable : .pack
    }

    /// A file's text, or an error naming it.
    static func read(_ url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RulePackError.unreadable(file: url.path, reason: (error as NSError).localizedDescription)
        }
    }
}

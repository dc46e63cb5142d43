import Foundation
import SunsetCore

/// Reads the whole-computer backup data file (`Rules/backups/whole-computer.yaml`) strictly:
/// unknown keys, missing keys and wrong types are errors with file, line and key path.
public enum WholeComputerFile {
    /// The file's path inside `Rules/`.
    public static let embeddedPath = "backups/whole-computer.yaml"

    /// The built-in file, compiled into the binary.
    public static func builtIn() throws -> WholeComputerSignatures {
        guard let data = Embedded.data(embeddedPath) else { return .none }
        return try load(yaml: String(decoding: data, as: UTF8.self), file: "Rules/\(embeddedPath)")
    }

    /// Parses the file's text.
    public static func load(yaml: String, file: String) throws -> WholeComputerSignatures {
        let root = try StrictYAML.parse(yaml, file: file)
        let top = try root.fields(required: ["version", "tools"], optional: ["file-history", "system-images"])
        guard try top["version"].int() == 1 else { throw top["version"].error("unsupported version; this Sunset reads version 1") }
        var signatures = WholeComputerSignatures()
        if let node = top.optional("file-history") {
            let fields = try node.fields(required: ["folder", "data-folder"])
            signatures.fileHistory = .init(folder: try name(fields["folder"]), dataFolder: try name(fields["data-folder"]))
        }
        if let node = top.optional("system-images") {
            let fields = try node.fields(required: ["id", "name", "folder", "set-prefix", "disk-extensions", "set-files"])
            signatures.systemImages = .init(
                id: try fields["id"].string(), name: try fields["name"].string(), folder: try name(fields["folder"]),
                setPrefix: try fields["set-prefix"].string(), diskExtensions: try extensions(fields["disk-extensions"]),
                setFiles: try fields["set-files"].strings().map { $0.lowercased() })
        }
        var ids = Set<String>()
        for node in try top["tools"].list() {
            let fields = try node.fields(required: ["id", "name"], optional: ["extensions", "mime", "folder"])
            let id = try fields["id"].string()
            guard ids.insert(id).inserted else { throw fields["id"].error("duplicate tool id '\(id)'") }
            var tool = WholeComputerSignatures.Tool(id: id, name: try fields["name"].string())
            if let list = fields.optional("extensions") { tool.extensions = try extensions(list) }
            if let mime = fields.optional("mime") { tool.mime = try mime.string() }
            if let folder = fields.optional("folder") {
                let inner = try folder.fields(required: ["marker", "any-of"])
                tool.folderMarker = try name(inner["marker"]).lowercased()
                tool.folderAnyOf = try inner["any-of"].strings().map { $0.lowercased() }
            }
            guard tool.extensions.isEmpty != (tool.folderMarker == nil) else {
                throw node.error("a tool gives either 'extensions' (its files) or 'folder' (its image folder), not both nor neither")
            }
            if tool.mime != nil && tool.extensions.isEmpty { throw node.error("'mime' needs 'extensions'") }
            signatures.tools.append(tool)
        }
        return signatures
    }

    /// One file or folder name: no slash, not empty.
    private static func name(_ node: StrictYAML) throws -> String {
        let text = try node.string()
        guard !text.isEmpty, !text.contains("/"), !text.contains("\\") else { throw node.error("expected one file or folder name, found '\(text)'") }
        return text
    }

    /// Extensions without their dot, lower case.
    private static func extensions(_ node: StrictYAML) throws -> [String] {
        let list = try node.strings()
        for item in list where item.isEmpty || item.contains(".") || item.contains("/") {
            throw node.error("expected extensions without a dot (e.g. 'vhdx'), found '\(item)'")
        }
        return list.map { $0.lowercased() }
    }
}

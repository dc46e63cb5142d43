import Foundation
import PackagePlugin

/// Compiles a top-level data folder of the package into the target that owns it, so a
/// copied release binary carries its rule packs and report templates with it.
///
/// `SunsetRules` embeds `Rules/`, `SunsetReport` embeds `Reports/`. The generated file
/// declares an internal `Embedded.files` table (relative path → contents).
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder: String
        switch target.name {
        case "SunsetRules": folder = "Rules"
        case "SunsetReport": folder = "Reports"
        default: return []
        }
        let root = context.package.directoryURL.appending(path: folder)
        let inputs = Self.files(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "Embedded\(folder).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folder)/ into \(target.name)",
                executable: try context.tool(named: "sunset-embed").url,
                arguments: [root.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }

    /// Every regular file below `root`, sorted, hidden files left out.
    static func files(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}

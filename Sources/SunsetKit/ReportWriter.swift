import Foundation
import SunsetReport

/// Writes report files into the output folder: each atomically (a temporary file renamed
/// into place), never inside a scan root, and never over a file sunset did not write.
/// Files sunset wrote are listed in the folder's `.sunset-written` record.
struct ReportWriter {
    let folder: URL
    let force: Bool
    static let record = ".sunset-written"

    init(folder path: String, roots: [String], force: Bool) throws {
        let folder = URL(fileURLWithPath: path).standardizedFileURL
        for root in roots {
            let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
            let resolvedFolder = folder.resolvingSymlinksInPath().path
            if resolvedFolder == resolvedRoot || resolvedFolder.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/") {
                throw KitError.outputInsideRoot(output: folder.path, root: root)
            }
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError.cannotWrite(folder.path, reason: error.localizedDescription)
        }
        self.folder = folder
        self.force = force
    }

    /// Names sunset has written here before.
    private var ours: Set<String> {
        let text = (try? String(contentsOf: folder.appendingPathComponent(Self.record), encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").map(String.init))
    }

    /// Writes one file and returns its path.
    func write(_ data: Data, named name: String) throws -> String {
        let target = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: target.path) && !force && !ours.contains(name) {
            throw ReportError.wouldOverwrite(target.path)
        }
        do {
            try data.write(to: target, options: .atomic)
            var names = ours
            names.insert(name)
            try Data((names.sorted().joined(separator: "\n") + "\n").utf8)
                .write(to: folder.appendingPathComponent(Self.record), options: .atomic)
        } catch {
            throw ReportError.cannotWrite(target.path, reason: error.localizedDescription)
        }
        return target.path
    }
}

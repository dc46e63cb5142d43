import Foundation
import Glibc
import SunsetCore

/// The folder a bag goes to, and the refusals that protect the user's data: never inside a
/// scan root, never into an unrelated non-empty folder, never without the space to finish.
enum Destination {
    /// What the destination holds now.
    enum State {
        /// Absent or empty: a new bag.
        case new
        /// A bag this program made from the same roots; its record.
        case ours(BagRecord)
    }

    /// Checks the destination against the roots (absolute paths); reads, never writes.
    static func check(_ destination: String, roots: [String]) throws(RescueError) -> State {
        let resolved = resolve(destination)
        for root in roots {
            let resolvedRoot = resolve(root)
            if isInside(resolved, resolvedRoot) { throw .destinationInsideRoot(destination: destination, root: root) }
            if isInside(resolvedRoot, resolved) { throw .rootInsideDestination(destination: destination, root: root) }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder) else { return .new }
        guard isFolder.boolValue else { throw .destinationNotAFolder(destination) }
        let contents: [String]
        do {
            contents = try FileManager.default.contentsOfDirectory(atPath: destination)
        } catch {
            throw .unreadable(destination, reason: error.localizedDescription)
        }
        // A run killed before its first record leaves only its work folder.
        if contents.allSatisfy({ $0 == WorkFolder.name }) { return .new }
        guard contents.contains(BagIt.recordFile) else {
            throw .destinationNotEmpty(destination)
        }
        let record = try BagRecord.read(bag: destination)
        // A disk image gives one root per file system, each under the image's path: compared once.
        func distinct(_ paths: [String]) -> [String] { paths.reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
        guard distinct(record.roots.map(\.path)) == distinct(roots) else {
            throw .otherRoots(destination, recorded: record.roots.map(\.path))
        }
        return .ours(record)
    }

    /// Refuses when the file system holding `destination` has less than `needed` bytes free.
    static func checkSpace(_ destination: String, needed: UInt64) throws(RescueError) {
        let existing = nearestExisting(destination)
        var info = statvfs()
        guard statvfs(existing, &info) == 0 else { throw .unreadable(existing, reason: Errno(errno).description) }
        let available = UInt64(info.f_bavail) * UInt64(info.f_frsize)
        if needed > available { throw .notEnoughSpace(destination, needed: needed, available: available) }
    }

    // MARK: - Paths

    /// True when `path` is `folder` or lies below it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The absolute path with every symbolic link of its existing part resolved.
    static func resolve(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let existing = nearestExisting(absolute)
        let rest = String(absolute.dropFirst(existing.count))
        guard let real = realpath(existing, nil) else { return absolute }
        defer { free(real) }
        let resolved = String(cString: real)
        return rest.isEmpty ? resolved : (resolved == "/" ? "" : resolved) + (rest.hasPrefix("/") ? rest : "/" + rest)
    }

    /// The path itself, or its closest ancestor that exists.
    static func nearestExisting(_ path: String) -> String {
        var current = URL(fileURLWithPath: path).standardizedFileURL.path
        while !FileManager.default.fileExists(atPath: current) && current != "/" {
            current = (current as NSString).deletingLastPathComponent
            if current.isEmpty { current = "/" }
        }
        return current
    }
}

import Foundation
import ZIPFoundation

/// Builds a disk for a test or the demo in a folder: folders, files with given contents,
/// modification times, and real zip archives. Every scanner and end-to-end test stands on
/// a volume made by this, so each says exactly which disk it looks at.
public struct VolumeBuilder: Sendable {
    /// The folder the volume lives in.
    public let root: URL

    /// Uses (and creates) `root`.
    public init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A new empty folder under the system's temporary folder, named after `name`
    /// (usually the test's name).
    public static func temporary(_ name: String) throws -> VolumeBuilder {
        let safe = name.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sunset-\(String(safe).prefix(60))-\(UUID().uuidString.prefix(8))")
        return try VolumeBuilder(root: folder)
    }

    /// The absolute path of a volume-relative path.
    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Creates a folder (and its parents).
    @discardableResult
    public func folder(_ path: String, modified: Date? = nil) throws -> URL {
        let url = url(path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if let modified { try setModified(url, modified) }
        return url
    }

    /// Writes a file (creating its folders) and sets its modification time.
    @discardableResult
    public func file(_ path: String, _ contents: Data, modified: Date? = nil) throws -> URL {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url)
        if let modified { try setModified(url, modified) }
        return url
    }

    /// Writes a text file.
    @discardableResult
    public func file(_ path: String, text: String, modified: Date? = nil) throws -> URL {
        try file(path, Data(text.utf8), modified: modified)
    }

    /// Writes a real zip archive with the given entries (deflated, or stored when `stored`),
    /// each dated now.
    @discardableResult
    public func zip(_ path: String, entries: [(name: String, contents: Data)], stored: Bool = false,
                    modified: Date? = nil) throws -> URL {
        let now = Date()
        return try zip(path, datedEntries: entries.map { DatedEntry(name: $0.name, contents: $0.contents, modified: now) },
                       stored: stored, modified: modified)
    }

    /// Sets a path's modification (and access) time.
    public func setModified(_ url: URL, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }

    /// Removes the whole volume, however deep (falling back to `rm -rf`, which has no
    /// path-length limit).
    public func remove() {
        try? FileManager.default.removeItem(at: root)
        guard FileManager.default.fileExists(atPath: root.path) else { return }
        let rm = Process()
        rm.executableURL = URL(fileURLWithPath: "/bin/rm")
        rm.arguments = ["-rf", root.path]
        try? rm.run()
        rm.waitUntilExit()
    }
}

import Foundation

/// The folder the copies go into. Sunset writes only into an empty folder or one holding
/// nothing but files it wrote itself (listed in `.sunset-written`, as the reports do), and
/// each file appears whole: written under a temporary name, then renamed into place.
final class OutputFolder {
    static let record = ".sunset-written"
    let url: URL
    private var ours: Set<String>

    /// Creates the folder if needed; refuses one holding a file Sunset did not write.
    init(_ url: URL) throws {
        self.url = url.standardizedFileURL
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: self.url, withIntermediateDirectories: true)
        } catch {
            throw ReadableError.cannotWrite(path: self.url.path, reason: error.localizedDescription)
        }
        let text = (try? String(contentsOf: self.url.appendingPathComponent(Self.record), encoding: .utf8)) ?? ""
        ours = Set(text.split(separator: "\n").map(String.init))
        let present = (try? manager.contentsOfDirectory(atPath: self.url.path)) ?? []
        let foreign = present.filter { $0 != Self.record && !ours.contains($0) && !isTemporary($0) }.sorted()
        if let first = foreign.first {
            throw ReadableError.cannotWrite(path: self.url.path, reason: """
                the folder holds files Sunset did not write ('\(first)'\(foreign.count > 1 ? " and \(foreign.count - 1) more" : "")); \
                choose an empty folder
                """)
        }
    }

    /// The temporary name a file is written under before it is named.
    func temporary(for name: String) throws -> URL {
        try claim(name)
        let temporary = url.appendingPathComponent("." + name + ".partial")
        try? FileManager.default.removeItem(at: temporary)
        return temporary
    }

    /// Renames a finished temporary file into place (replacing only a file Sunset wrote).
    func place(_ temporary: URL, as name: String) throws {
        guard rename(temporary.path, url.appendingPathComponent(name).path) == 0 else {
            throw ReadableError.cannotWrite(path: url.appendingPathComponent(name).path, reason: String(cString: strerror(errno)))
        }
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Whether a leftover temporary file is one of ours (a run stopped before renaming it).
    private func isTemporary(_ entry: String) -> Bool {
        entry.hasPrefix(".") && entry.hasSuffix(".partial") && ours.contains(String(entry.dropFirst().dropLast(8)))
    }

    /// Records a name as Sunset's before anything is written under it, so that a run stopped
    /// half way leaves a folder the next run accepts.
    private func claim(_ name: String) throws {
        guard !ours.contains(name) else { return }
        if FileManager.default.fileExists(atPath: file(name).path) {
            throw ReadableError.cannotWrite(path: file(name).path, reason: "a file Sunset did not write is in the way")
        }
        ours.insert(name)
        do {
            try Data((ours.sorted().joined(separator: "\n") + "\n").utf8).write(to: file(Self.record), options: .atomic)
        } catch {
            throw ReadableError.cannotWrite(path: file(Self.record).path, reason: error.localizedDescription)
        }
    }
}

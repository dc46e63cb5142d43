import Foundation
import ZIPFoundation

extension VolumeBuilder {
    /// One entry of a zip archive whose own modification time is given.
    public struct DatedEntry: Sendable {
        public var name: String
        public var contents: Data
        public var modified: Date

        public init(name: String, contents: Data, modified: Date) {
            self.name = name
            self.contents = contents
            self.modified = modified
        }
    }

    /// Writes a real zip archive (deflated, or stored when `stored`) whose entries carry the
    /// given modification times.
    @discardableResult
    public func zip(_ path: String, datedEntries entries: [DatedEntry], stored: Bool = false,
                    modified: Date? = nil) throws -> URL {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for entry in entries {
            try archive.addEntry(with: entry.name, type: .file, uncompressedSize: Int64(entry.contents.count),
                                 modificationDate: entry.modified, compressionMethod: stored ? .none : .deflate) { position, size in
                entry.contents.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        if let modified { try setModified(url, modified) }
        return url
    }
}

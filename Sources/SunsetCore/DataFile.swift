import Foundation

/// A file found by the walk that matters to a detection, with what content identification said.
public struct DataFile: Hashable, Codable, Sendable {
    public var location: Location
    public var size: UInt64
    public var modified: Date
    /// libmagic's description of the content, e.g. "Microsoft Access Database".
    public var kind: String
    /// libmagic's MIME type, e.g. "application/x-msaccess".
    public var mime: String
    /// The legacy database format its first bytes show (Jet, ACE, SQLite, dBase, FoxPro,
    /// Paradox), whatever its name; nil for any other file.
    public var database: DatabaseFormat?

    public init(location: Location, size: UInt64, modified: Date, kind: String, mime: String,
                database: DatabaseFormat? = nil) {
        self.location = location
        self.size = size
        self.modified = modified
        self.kind = kind
        self.mime = mime
        self.database = database
    }
}

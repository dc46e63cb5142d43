import Foundation
import Glibc

/// Tells a legacy database by its first bytes, whatever its name, and opens it with the reader
/// made for its format.
public enum DatabaseOpener {
    /// Bytes read to tell a format (a dBase header with its field descriptors fits).
    static let headLength = 8192

    /// The file's first bytes, opened read-only without following a link; nil when it cannot
    /// be read.
    static func head(of path: String) -> Data? {
        let descriptor = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: headLength)
        let count = Glibc.read(descriptor, &buffer, headLength)
        return count > 0 ? Data(buffer.prefix(count)) : nil
    }

    /// The database format of the file at `path`, nil when it is none Sunset recognises.
    public static func format(of path: String) -> DatabaseFormat? {
        guard let head = head(of: path) else { return nil }
        return DatabaseFormat.sniff(head, fileName: (path as NSString).lastPathComponent)
    }

    /// Opens the database at `path` with its format's reader. Throws `notADatabase` when the
    /// file is no database Sunset recognises, `unsupportedFormat` when its reader is not there.
    public static func open(_ path: String) throws -> DatabaseSource {
        guard let format = format(of: path) else {
            throw ReadableError.notADatabase(path: path, reason: "its content is not that of a database Sunset reads")
        }
        switch format {
        case .sqlite: return try SQLiteSource(path: path)
        case .dbase, .foxpro: return try DBFSource(url: URL(fileURLWithPath: path))
        case .jet3, .jet4, .ace: return try JetSource(url: URL(fileURLWithPath: path))
        case .paradox: throw ReadableError.unsupportedFormat(format)
        }
    }
}

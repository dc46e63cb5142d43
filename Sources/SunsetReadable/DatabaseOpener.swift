import Foundation
import Glibc

/// Tells a legacy database by its first bytes, whatever its name, and opens it with the reader
/// made for its format.
public enum DatabaseOpener {
    /// Bytes read to tell a format.
    static let headLength = 128

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
        return format(head: head)
    }

    /// The format a file's first bytes show.
    public static func format(head: Data) -> DatabaseFormat? {
        let bytes = [UInt8](head)
        if bytes.starts(with: Array("SQLite format 3\u{0}".utf8)) { return .sqlite }
        if bytes.count > 0x15, Array(bytes[4..<19]) == Array("Standard Jet DB".utf8) {
            return bytes[0x14] == 0 ? .jet3 : .jet4
        }
        if bytes.count > 0x15, Array(bytes[4..<19]) == Array("Standard ACE DB".utf8) { return .ace }
        return nil
    }

    /// Opens the database at `path` with its format's reader. Throws `notADatabase` when the
    /// file is no database Sunset recognises, `unsupportedFormat` when its reader is not there.
    public static func open(_ path: String) throws -> DatabaseSource {
        guard let format = format(of: path) else {
            throw ReadableError.notADatabase(path: path, reason: "its content is not that of a database Sunset reads")
        }
        switch format {
        case .sqlite: return try SQLiteSource(path: path)
        default: throw ReadableError.unsupportedFormat(format)
        }
    }
}

import Foundation
import Glibc
import SunsetCore

/// A state file (`check --state FILE`): what the last walk of the same roots saw of each
/// folder, so that the next walk lists again only the folders whose own stamp changed and
/// replays the others. It is an SQLite database marked with Sunset's application id.
///
/// Only a file that this version wrote for exactly these roots, rule packs and exclusions
/// is trusted; any other (another root, another version, a damaged file, not a state file
/// at all) is ignored with a note, and the walk is a full one. A file that is not a Sunset
/// state file is never overwritten.
public enum ScanState {
    /// `PRAGMA application_id` of a state file: "SUNS".
    static let applicationID: Int64 = 0x5355_4E53
    /// The layout of the tables; another number is another layout.
    static let formatVersion: Int64 = 1

    /// What makes a state file's records valid for a scan.
    struct Identity: Equatable {
        var sunsetVersion = SunsetVersion.current
        var roots: [String]
        /// The keep rule's fingerprint and the exclusions: a listing made under others kept other names.
        var walkRule: String
    }

    /// What reading a state file gave.
    struct Loaded {
        /// The earlier walk's records for each root (nil: walk it all).
        var records: [FolderRecords?]
        /// Why the file was not used, when it was not (for the user).
        var note: String?
        /// False when the file is not ours to replace.
        var writable = true
    }

    /// Reads the records for `identity` from `path`.
    static func load(path: String, identity: Identity) -> Loaded {
        let none = [FolderRecords?](repeating: nil, count: identity.roots.count)
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return Loaded(records: none, note: "state file \(path) is new: every folder was listed") }
            return Loaded(records: none, note: "state file \(path) cannot be read (\(String(cString: strerror(errno)))); ignored", writable: false)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return Loaded(records: none, note: "state file \(path) is not a regular file; ignored and left alone", writable: false)
        }
        if info.st_size == 0 { return Loaded(records: none, note: "state file \(path) is empty: every folder was listed") }
        let file: SQLiteFile
        do {
            file = try SQLiteFile(path: path, writing: false)
            guard try file.integer("PRAGMA application_id") == applicationID else {
                return Loaded(records: none, note: "\(path) is not a Sunset state file; ignored and left alone", writable: false)
            }
        } catch {
            return Loaded(records: none, note: "\(path) is not a Sunset state file (\(error)); ignored and left alone", writable: false)
        }
        do {
            let stored = try readIdentity(file)
            guard try file.integer("PRAGMA user_version") == formatVersion, stored.version == identity.sunsetVersion else {
                return Loaded(records: none, note: "state file \(path) was written by another version of Sunset (\(stored.version)); ignored, every folder was listed")
            }
            guard stored.roots == identity.roots else {
                return Loaded(records: none, note: "state file \(path) is for other folders (\(stored.roots.joined(separator: ", "))); ignored, every folder was listed")
            }
            guard stored.walkRule == identity.walkRule else {
                return Loaded(records: none, note: "state file \(path) was made with other rule packs or exclusions; ignored, every folder was listed")
            }
            return Loaded(records: try readRecords(file, roots: identity.roots.count).map { FolderRecords($0) })
        } catch {
            return Loaded(records: none, note: "state file \(path) is damaged (\(error)); ignored, every folder was listed")
        }
    }

    /// Replaces `path` with the records of this walk (written aside, then renamed over it).
    static func save(path: String, identity: Identity, records: [[FolderRecord]]) throws(ScanError) {
        let temporary = path + ".sunset-\(getpid()).tmp"
        unlink(temporary)
        do {
            do {
                let file = try SQLiteFile(path: temporary, writing: true)
                try file.run("""
                    PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                    PRAGMA application_id = \(applicationID); PRAGMA user_version = \(formatVersion);
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE folders (root INTEGER NOT NULL, path BLOB NOT NULL, device INTEGER NOT NULL,
                        inode INTEGER NOT NULL, modified INTEGER NOT NULL, changed INTEGER NOT NULL,
                        reusable INTEGER NOT NULL, files INTEGER NOT NULL, symlinks INTEGER NOT NULL,
                        specials INTEGER NOT NULL, listing BLOB NOT NULL, PRIMARY KEY (root, path)) WITHOUT ROWID;
                    BEGIN;
                    """)
                let meta = try file.prepare("INSERT INTO meta VALUES (?, ?)")
                try meta.execute([.text("sunset-version"), .text(identity.sunsetVersion)])
                try meta.execute([.text("roots"), .text(identity.roots.joined(separator: "\n"))])
                try meta.execute([.text("walk-rule"), .text(identity.walkRule)])
                let insert = try file.prepare("INSERT INTO folders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                for (root, folders) in records.enumerated() {
                    for record in folders {
                        try insert.execute([
                            .integer(Int64(root)), .blob(record.path), .integer(Int64(bitPattern: record.stamp.device)),
                            .integer(Int64(bitPattern: record.stamp.inode)), .integer(record.stamp.modified),
                            .integer(record.stamp.changed), .integer(record.reusable ? 1 : 0), .integer(Int64(record.files)),
                            .integer(Int64(record.symlinks)), .integer(Int64(record.specials)), .blob(ListingCodec.encode(record)),
                        ])
                    }
                }
                try file.run("COMMIT")
            }
            let fd = open(temporary, O_RDONLY | O_CLOEXEC)
            if fd >= 0 { fsync(fd); close(fd) }
            guard rename(temporary, path) == 0 else {
                throw SQLiteFile.Failure(description: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw ScanError.stateNotWritten(path, reason: "\(error)")
        }
    }

    private static func readIdentity(_ file: SQLiteFile) throws(SQLiteFile.Failure) -> (version: String, roots: [String], walkRule: String) {
        let statement = try file.prepare("SELECT key, value FROM meta")
        var values: [String: String] = [:]
        while try statement.step() {
            if let key = statement.text(0), let value = statement.text(1) { values[key] = value }
        }
        guard let version = values["sunset-version"], let roots = values["roots"], let rule = values["walk-rule"] else {
            throw SQLiteFile.Failure(description: "its description is incomplete")
        }
        return (version, roots.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), rule)
    }

    private static func readRecords(_ file: SQLiteFile, roots: Int) throws(SQLiteFile.Failure) -> [[FolderRecord]] {
        var records = [[FolderRecord]](repeating: [], count: roots)
        let statement = try file.prepare("""
            SELECT root, path, device, inode, modified, changed, reusable, files, symlinks, specials, listing FROM folders
            """)
        while try statement.step() {
            let root = Int(statement.integer(0))
            guard records.indices.contains(root) else {
                throw SQLiteFile.Failure(description: "a folder of root \(root), which is not scanned")
            }
            let counts = (statement.integer(7), statement.integer(8), statement.integer(9))
            guard counts.0 >= 0, counts.1 >= 0, counts.2 >= 0 else { throw SQLiteFile.Failure(description: "a negative count") }
            var record = FolderRecord(
                path: statement.blob(1),
                stamp: FolderStamp(device: UInt64(bitPattern: statement.integer(2)), inode: UInt64(bitPattern: statement.integer(3)),
                                   modified: statement.integer(4), changed: statement.integer(5)),
                reusable: statement.integer(6) == 1, files: Int(counts.0), symlinks: Int(counts.1), specials: Int(counts.2))
            guard record.path.isEmpty || ListingCodec.isPath(record.path) else { throw SQLiteFile.Failure(description: "a bad folder path") }
            do { try ListingCodec.decode(statement.blob(10), into: &record) } catch { throw SQLiteFile.Failure(description: "\(error)") }
            records[root].append(record)
        }
        return records
    }
}

/// A folder's kept names and counts as one blob: LEB128 counts and lengths, names as bytes,
/// extension keys as 8 little-endian bytes. Decoding checks every length and name.
enum ListingCodec {
    struct Damaged: Error, CustomStringConvertible {
        var description: String { "a folder listing does not decode" }
    }

    static func encode(_ record: FolderRecord) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 + record.subfolders.reduce(0) { $0 + $1.count + 2 } + record.kept.reduce(0) { $0 + $1.name.count + 3 })
        append(UInt64(record.subfolders.count), to: &out)
        for name in record.subfolders { append(UInt64(name.count), to: &out); out += name }
        append(UInt64(record.kept.count), to: &out)
        for kept in record.kept { out.append(kept.kind.rawValue); append(UInt64(kept.name.count), to: &out); out += kept.name }
        append(UInt64(record.extensions.count), to: &out)
        for (key, files) in record.extensions.sorted(by: { $0.key < $1.key }) {
            withUnsafeBytes(of: key.littleEndian) { out += $0 }
            append(UInt64(files), to: &out)
        }
        return out
    }

    static func decode(_ bytes: [UInt8], into record: inout FolderRecord) throws(Damaged) {
        var cursor = 0
        func number() throws(Damaged) -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard cursor < bytes.count, shift < 63 else { throw Damaged() }
                let byte = bytes[cursor]
                cursor += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            guard value <= UInt64(bytes.count) * 256 + 1 << 40 else { throw Damaged() }
            return Int(value)
        }
        func name() throws(Damaged) -> [UInt8] {
            let length = try number()
            guard length > 0, length <= 255, cursor + length <= bytes.count else { throw Damaged() }
            let name = Array(bytes[cursor..<(cursor + length)])
            cursor += length
            guard isPath(name), !name.contains(UInt8(ascii: "/")) else { throw Damaged() }
            return name
        }
        let subfolders = try number()
        guard subfolders <= bytes.count else { throw Damaged() }
        for _ in 0..<subfolders { record.subfolders.append(try name()) }
        let kept = try number()
        guard kept <= bytes.count else { throw Damaged() }
        for _ in 0..<kept {
            guard cursor < bytes.count, let kind = WalkEntry.Kind(rawValue: bytes[cursor]), kind == .file || kind == .symlink else {
                throw Damaged()
            }
            cursor += 1
            record.kept.append(.init(name: try name(), kind: kind))
        }
        let extensions = try number()
        guard extensions <= bytes.count else { throw Damaged() }
        for _ in 0..<extensions {
            guard cursor + 8 <= bytes.count else { throw Damaged() }
            var key: UInt64 = 0
            for index in 0..<8 { key |= UInt64(bytes[cursor + index]) << (8 * UInt64(index)) }
            cursor += 8
            record.extensions[key] = try number()
        }
        guard cursor == bytes.count else { throw Damaged() }
    }

    /// A non-empty path below a root: no NUL, no empty, `.` or `..` component, no leading or trailing slash.
    static func isPath(_ path: [UInt8]) -> Bool {
        guard !path.isEmpty, !path.contains(0) else { return false }
        return path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && !(part.count == 1 && part[part.startIndex] == UInt8(ascii: "."))
                && !(part.count == 2 && part.allSatisfy { $0 == UInt8(ascii: ".") })
        }
    }

    private static func append(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 { out.append(UInt8(value & 0x7F) | 0x80); value >>= 7 }
        out.append(UInt8(value))
    }
}

import Foundation
import Glibc
import SunsetCore
import SunsetSQLite

/// A state file (`check --state FILE`): what the last scan of the same roots saw of each
/// folder and of each file it read, and the inventory it made. The next scan first checks,
/// without listing or opening anything, that no folder and no file read has changed (one
/// `stat` each); then the inventory is the same and is reused. Otherwise it walks again,
/// listing only the folders whose own stamp changed and replaying the others, and reads the
/// candidate files again. It is an SQLite database marked with Sunset's application id.
///
/// Only a file that this build of Sunset wrote for exactly these roots, rule packs and
/// exclusions is trusted; any other (another root, another version, a damaged file, not a
/// state file at all) is ignored with a note, and the scan is a full one. A file that is not
/// a Sunset state file is never overwritten.
public enum ScanState {
    /// `PRAGMA application_id` of a state file: "SUNS".
    static let applicationID: Int64 = 0x5355_4E53
    /// The layout of the tables; another number is another layout.
    static let formatVersion: Int64 = 2

    /// What makes a state file's contents valid for a scan.
    struct Identity: Equatable {
        var sunsetVersion = SunsetVersion.current
        /// The executable's own stamp: another build may find other things in the same files.
        var build = ScanState.buildStamp
        var roots: [String]
        /// The keep rule's fingerprint and the exclusions: a listing made under others kept other names.
        var walkRule: String
        /// The product signatures, which decide what the inventory holds.
        var signatures: String
    }

    /// What reading a state file gave.
    struct Loaded {
        /// The earlier walk's records for each root (nil: walk it all).
        var records: [FolderRecords?]
        /// The files the earlier scan read, per root, and what they were then (nil stamp: unknown).
        var opened: [[(path: [UInt8], stamp: FileStamp?)]] = []
        /// The earlier scan's inventory (JSON), valid while nothing above changed.
        var inventory: Data?
        /// Why the file was not used, when it was not (for the user).
        var note: String?
        /// False when the file is not ours to replace.
        var writable = true
    }

    /// The running executable's device, inode, size and modification time.
    static let buildStamp: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        let stamp = FileStamp(info)
        return "\(stamp.device):\(stamp.inode):\(stamp.size):\(stamp.modified)"
    }()

    /// Reads the state for `identity` from `path`; without `listings`, the folders' listings
    /// are left out (all the quick check needs is their stamps).
    static func load(path: String, identity: Identity, listings: Bool = true) -> Loaded {
        let none = [FolderRecords?](repeating: nil, count: identity.roots.count)
        func ignored(_ note: String, writable: Bool = true) -> Loaded { Loaded(records: none, note: note, writable: writable) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return ignored("state file \(path) is new: every folder was listed") }
            return ignored("state file \(path) cannot be read (\(String(cString: strerror(errno)))); ignored and left alone", writable: false)
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return ignored("state file \(path) is not a regular file; ignored and left alone", writable: false) }
        if info.st_size == 0 { return ignored("state file \(path) is empty: every folder was listed") }
        let file: SQLiteDatabase
        do {
            file = try SQLiteDatabase(path: path, writing: false)
            guard try file.integer("PRAGMA application_id") == applicationID else {
                return ignored("\(path) is not a Sunset state file; ignored and left alone", writable: false)
            }
        } catch {
            return ignored("\(path) is not a Sunset state file (\(error)); ignored and left alone", writable: false)
        }
        do {
            guard try file.integer("PRAGMA user_version") == formatVersion else {
                return ignored("state file \(path) has another layout (written by another version of Sunset); ignored, every folder was listed")
            }
            let meta = try readMeta(file)
            func value(_ key: String) throws(SQLiteDatabase.Failure) -> String {
                guard let value = meta[key] else { throw SQLiteDatabase.Failure(description: "its description has no \(key)") }
                return value
            }
            let version = try value("sunset-version")
            guard version == identity.sunsetVersion, try value("build") == identity.build else {
                return ignored("state file \(path) was written by another version of Sunset (\(version)); ignored, every folder was listed")
            }
            let roots = try value("roots").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard roots == identity.roots else {
                return ignored("state file \(path) is for other folders (\(roots.joined(separator: ", "))); ignored, every folder was listed")
            }
            guard try value("walk-rule") == identity.walkRule, try value("signatures") == identity.signatures else {
                return ignored("state file \(path) was made with other rule packs or exclusions; ignored, every folder was listed")
            }
            return Loaded(records: try readRecords(file, roots: roots.count, listings: listings).map { FolderRecords($0, indexed: listings) },
                          opened: try readOpened(file, roots: roots.count), inventory: meta["inventory"].map { Data($0.utf8) })
        } catch {
            return ignored("state file \(path) is damaged (\(error)); ignored, every folder was listed")
        }
    }

    /// What one scan leaves for the next.
    struct Snapshot {
        var records: [[FolderRecord]]
        var opened: [[(path: [UInt8], stamp: FileStamp?)]]
        var inventory: Data
        /// A file whose stamp is at or after this (nanoseconds) may still change unseen.
        var settledBefore: Int64
    }

    /// Replaces `path` with `snapshot` (written aside, then renamed over it).
    static func save(path: String, identity: Identity, snapshot: Snapshot) throws(ScanError) {
        let temporary = path + ".sunset-\(getpid()).tmp"
        unlink(temporary)
        do {
            do {
                let file = try SQLiteDatabase(path: temporary, writing: true)
                try file.run("""
                    PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                    PRAGMA application_id = \(applicationID); PRAGMA user_version = \(formatVersion);
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE folders (root INTEGER NOT NULL, path BLOB NOT NULL, device INTEGER NOT NULL,
                        inode INTEGER NOT NULL, modified INTEGER NOT NULL, changed INTEGER NOT NULL,
                        reusable INTEGER NOT NULL, listed INTEGER NOT NULL, files INTEGER NOT NULL,
                        symlinks INTEGER NOT NULL, specials INTEGER NOT NULL, listing BLOB NOT NULL,
                        PRIMARY KEY (root, path)) WITHOUT ROWID;
                    CREATE TABLE opened (root INTEGER NOT NULL, path BLOB NOT NULL, known INTEGER NOT NULL,
                        present INTEGER NOT NULL, device INTEGER NOT NULL, inode INTEGER NOT NULL, size INTEGER NOT NULL,
                        modified INTEGER NOT NULL, changed INTEGER NOT NULL, settled INTEGER NOT NULL,
                        PRIMARY KEY (root, path)) WITHOUT ROWID;
                    BEGIN;
                    """)
                let meta = try file.prepare("INSERT INTO meta VALUES (?, ?)")
                for (key, value) in [("sunset-version", identity.sunsetVersion), ("build", identity.build),
                                     ("roots", identity.roots.joined(separator: "\n")), ("walk-rule", identity.walkRule),
                                     ("signatures", identity.signatures),
                                     ("inventory", String(decoding: snapshot.inventory, as: UTF8.self))] {
                    try meta.execute([.text(key), .text(value)])
                }
                let folder = try file.prepare("INSERT INTO folders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                for (root, records) in snapshot.records.enumerated() {
                    for record in records {
                        try folder.execute([
                            .integer(Int64(root)), .blob(record.path), .integer(Int64(bitPattern: record.stamp.device)),
                            .integer(Int64(bitPattern: record.stamp.inode)), .integer(record.stamp.modified),
                            .integer(record.stamp.changed), .integer(record.reusable ? 1 : 0), .integer(record.listed ? 1 : 0),
                            .integer(Int64(record.files)), .integer(Int64(record.symlinks)), .integer(Int64(record.specials)),
                            .blob(record.listing.bytes),
                        ])
                    }
                }
                let opened = try file.prepare("INSERT INTO opened VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                for (root, files) in snapshot.opened.enumerated() {
                    for (path, stamp) in files {
                        let known = stamp ?? .missing
                        let settled = known.changed < snapshot.settledBefore && known.modified < snapshot.settledBefore
                        try opened.execute([
                            .integer(Int64(root)), .blob(path), .integer(stamp == nil ? 0 : 1), .integer(known.exists ? 1 : 0),
                            .integer(Int64(bitPattern: known.device)), .integer(Int64(bitPattern: known.inode)), .integer(known.size),
                            .integer(known.modified), .integer(known.changed), .integer(settled ? 1 : 0),
                        ])
                    }
                }
                try file.run("COMMIT")
            }
            let fd = open(temporary, O_RDONLY | O_CLOEXEC)
            if fd >= 0 { fsync(fd); close(fd) }
            guard rename(temporary, path) == 0 else {
                throw SQLiteDatabase.Failure(description: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw ScanError.stateNotWritten(path, reason: "\(error)")
        }
    }

    private static func readMeta(_ file: SQLiteDatabase) throws(SQLiteDatabase.Failure) -> [String: String] {
        let statement = try file.prepare("SELECT key, value FROM meta")
        var values: [String: String] = [:]
        while try statement.step() {
            if let key = statement.cString(0), let value = statement.cString(1) { values[key] = value }
        }
        return values
    }

    private static func readRecords(_ file: SQLiteDatabase, roots: Int, listings: Bool) throws(SQLiteDatabase.Failure) -> [[FolderRecord]] {
        var records = [[FolderRecord]](repeating: [], count: roots)
        let statement = try file.prepare("""
            SELECT root, path, device, inode, modified, changed, reusable, listed, files, symlinks, specials, listing FROM folders
            """)
        while try statement.step() {
            let root = Int(statement.integer(0))
            guard records.indices.contains(root) else { throw SQLiteDatabase.Failure(description: "a folder of root \(root), which is not scanned") }
            let counts = (statement.integer(8), statement.integer(9), statement.integer(10))
            guard counts.0 >= 0, counts.1 >= 0, counts.2 >= 0 else { throw SQLiteDatabase.Failure(description: "a negative count") }
            var record = FolderRecord(
                path: statement.bytes(1),
                stamp: FolderStamp(device: UInt64(bitPattern: statement.integer(2)), inode: UInt64(bitPattern: statement.integer(3)),
                                   modified: statement.integer(4), changed: statement.integer(5)),
                reusable: statement.integer(6) == 1, listed: statement.integer(7) == 1,
                files: Int(counts.0), symlinks: Int(counts.1), specials: Int(counts.2))
            guard record.path.isEmpty || Listing.isPath(record.path) else { throw SQLiteDatabase.Failure(description: "a bad folder path") }
            // Every listing is checked, kept or not: a file damaged anywhere is not trusted at all.
            do {
                if listings {
                    record.listing = try Listing(validating: statement.bytes(11))
                } else {
                    try statement.withBlob(11) { (bytes) throws(Listing.Damaged) in try Listing.validate(bytes) }
                }
            } catch { throw SQLiteDatabase.Failure(description: "\(error)") }
            records[root].append(record)
        }
        guard records.allSatisfy({ $0.contains { $0.path.isEmpty } }) else {
            throw SQLiteDatabase.Failure(description: "a root without its own folder")
        }
        return records
    }

    private static func readOpened(_ file: SQLiteDatabase, roots: Int) throws(SQLiteDatabase.Failure) -> [[(path: [UInt8], stamp: FileStamp?)]] {
        var opened = [[(path: [UInt8], stamp: FileStamp?)]](repeating: [], count: roots)
        let statement = try file.prepare("""
            SELECT root, path, known, present, device, inode, size, modified, changed, settled FROM opened
            """)
        while try statement.step() {
            let root = Int(statement.integer(0))
            let path = statement.bytes(1)
            guard opened.indices.contains(root), Listing.isPath(path) else { throw SQLiteDatabase.Failure(description: "a bad file path") }
            // A stamp that cannot vouch for the file (unknown, or too fresh) is kept as unknown.
            let stamp = statement.integer(2) == 1 && statement.integer(9) == 1
                ? FileStamp(exists: statement.integer(3) == 1, device: UInt64(bitPattern: statement.integer(4)),
                            inode: UInt64(bitPattern: statement.integer(5)), size: statement.integer(6),
                            modified: statement.integer(7), changed: statement.integer(8))
                : nil
            opened[root].append((path, stamp))
        }
        return opened
    }
}

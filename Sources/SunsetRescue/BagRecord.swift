import Foundation
import SunsetCore

/// `sunset-rescue.json`, a tag file of the bag: which source file each payload file comes
/// from (with its original name bytes), its size, time and checksums, and whether it has
/// been verified yet. A run writes it before copying and again as files are verified, so a
/// killed run can be resumed; it stays in the finished bag as the machine-readable index.
struct BagRecord: Codable, Sendable {
    static let currentFormat = 1

    var format: Int
    /// The program that wrote it, e.g. `sunset 0.1.0`.
    var tool: String
    var roots: [Root]
    /// Sorted by payload path.
    var files: [Entry]
    /// What became of each database among the files: its format, tables and readable copies
    /// (nil in bags made before readable copies existed).
    var databases: [ReadableIndex.Database]?

    /// A scan root and its folder in `data/` ("" when the bag was made from one root).
    struct Root: Codable, Hashable, Sendable {
        var label: String
        var path: String
    }

    enum State: String, Codable, Sendable {
        /// Chosen for copying; the file in `data/`, if any, is not yet known to be good.
        case planned
        /// Copied, read back and checked; its checksums are below.
        case verified
    }

    struct Entry: Codable, Sendable {
        /// The path in the bag, starting with `data/`.
        var payload: String
        /// Index into `roots`.
        var root: Int
        /// The path below the root, byte-exact (`{"base64": …}` when not UTF-8).
        var source: VolumePath
        var roles: [RescuePlan.Role]
        var companies: [String]
        var notes: [String]
        var state: State
        var size: UInt64?
        var modified: FileTime?
        var sha256: String?
        var sha512: String?
        /// True when the last run did not copy it (its source was gone, or no longer part of
        /// what the scan asked to save); the verified copy of an earlier run is kept.
        var keptFromEarlierRun: Bool?
        /// For a readable copy: the payload path of the database it was made from.
        var derivedFrom: String?

        var key: SourceKey { SourceKey(root: root, path: source) }
        /// True for a file Sunset made (a readable copy) rather than copied.
        var isDerived: Bool { derivedFrom != nil }
        var isVerified: Bool { state == .verified && sha256 != nil && sha512 != nil && size != nil }
    }

    /// A source file: root index and path.
    struct SourceKey: Hashable, Sendable {
        var root: Int
        var path: VolumePath
    }

    // MARK: - Reading and writing

    static func read(bag: String) throws(RescueError) -> BagRecord {
        let path = bag + "/" + BagIt.recordFile
        do {
            let record = try JSONDecoder().decode(BagRecord.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            guard record.format == currentFormat else {
                throw RescueError.damagedRecord(path, reason: "format \(record.format) is not \(currentFormat)")
            }
            return record
        } catch let error as RescueError {
            throw error
        } catch {
            throw .damagedRecord(path, reason: "\(error)")
        }
    }

    /// The record as sorted, indented JSON ending in a newline.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var record = self
        record.files.sort { $0.payload.utf8.lexicographicallyPrecedes($1.payload.utf8) }
        record.databases?.sort { $0.payload.utf8.lexicographicallyPrecedes($1.payload.utf8) }
        // Encoding plain strings, numbers and arrays cannot fail.
        let data = (try? encoder.encode(record)) ?? Data("{}".utf8)
        return Array(data) + [0x0A]
    }
}

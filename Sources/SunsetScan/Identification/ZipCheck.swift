import Foundation
import ZIPFoundation

/// Proves a zip backup restorable: ZIPFoundation reads the central directory and inflates
/// every entry, checking its CRC-32. The file is mapped read-only (opened with `O_NOATIME`,
/// never read whole into memory), and the work is bounded against zip bombs.
enum ZipCheck {
    /// Bounds on the work one archive may cost.
    struct Limits: Sendable {
        /// At most this many entries are checked.
        var entries = 20_000
        /// At most this many bytes are inflated, in all.
        var inflatedBytes: UInt64 = 8 << 30
        /// Entries that claim to expand more than this many times are not inflated.
        var ratio: UInt64 = 1_000
    }

    /// What the check found.
    struct Outcome: Sendable {
        /// Nil when every entry's CRC matched.
        var problem: String?
        /// The entries' paths, for matching backups to companies.
        var entryNames: [String]
    }

    /// Called with each file entry's path and first bytes (at most `headBytes`) once the entry
    /// has inflated whole and its CRC-32 matched: a look at what the entries are, at no extra read.
    typealias HeadReader = (_ entry: String, _ head: [UInt8]) -> Void

    /// The most bytes of an entry handed to a `HeadReader`.
    static let headBytes = 16_384

    static func check(_ path: [UInt8], opener: any RootFiles, limits: Limits = Limits(), heads: HeadReader? = nil) -> Outcome {
        switch opener.mapped(path) {
        case let .success(data): return check(data, limits: limits, heads: heads)
        case .failure(.empty): return Outcome(problem: "empty file", entryNames: [])
        case let .failure(.cannotOpen(reason)): return Outcome(problem: "cannot open: \(reason)", entryNames: [])
        }
    }

    /// Checks an archive held in (mapped) memory.
    static func check(_ data: Data, limits: Limits = Limits(), heads: HeadReader? = nil) -> Outcome {
        if let problem = data.withUnsafeBytes(ZipStructure.problem) { return Outcome(problem: problem, entryNames: []) }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            return Outcome(problem: "truncated or damaged zip archive (central directory unreadable)", entryNames: [])
        }
        let entries = Array(archive.prefix(limits.entries + 1))
        let names = entries.prefix(limits.entries).map(\.path)
        guard !entries.isEmpty else { return Outcome(problem: "empty zip archive (no entries)", entryNames: []) }
        guard entries.count <= limits.entries else {
            return Outcome(problem: "not checked: more than \(limits.entries) entries", entryNames: names)
        }
        let declared = entries.reduce(UInt64(0)) { $0 &+ $1.uncompressedSize }
        guard declared <= limits.inflatedBytes else {
            return Outcome(problem: "not checked: declares \(declared) bytes uncompressed (limit \(limits.inflatedBytes))", entryNames: names)
        }
        var inflated: UInt64 = 0
        for entry in entries where entry.type == .file {
            if entry.compressedSize > 0, entry.uncompressedSize / max(entry.compressedSize, 1) > limits.ratio {
                return Outcome(problem: "not checked: '\(entry.path)' claims a \(entry.uncompressedSize / entry.compressedSize):1 ratio", entryNames: names)
            }
            do {
                // This overload returns the CRC-32 of what it read; comparing it is ours to do.
                var entryBytes: UInt64 = 0
                var head: [UInt8] = []
                let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                    if heads != nil && head.count < headBytes { head += chunk.prefix(headBytes - head.count) }
                    entryBytes += UInt64(chunk.count)
                    inflated += UInt64(chunk.count)
                    if inflated > limits.inflatedBytes || entryBytes > entry.uncompressedSize { throw Overrun() }
                }
                if checksum != entry.checksum { return Outcome(problem: "CRC-32 mismatch in '\(entry.path)'", entryNames: names) }
                if let heads, !head.isEmpty { heads(entry.path, head) }
            } catch is Overrun {
                return Outcome(problem: "'\(entry.path)' inflates past its declared size", entryNames: names)
            } catch {
                return Outcome(problem: "cannot read '\(entry.path)': truncated or damaged data", entryNames: names)
            }
        }
        return Outcome(problem: nil, entryNames: names)
    }

    private struct Overrun: Error {}
}

import Dispatch
import Foundation
import Glibc
import SunsetCore

/// The legacy databases among the files of the extensions a volume's registry associates with
/// a program (issue 13's dependent files): the walk counted them per folder; only those
/// folders are listed again and only those files opened, for their first bytes alone (no
/// libmagic), so the work follows the number of such files, not the size of the volume.
enum DatabaseFinder {
    /// The most bytes read from each file: what `DatabaseFormat.sniff` looks at.
    static let headLimit = 8192

    /// Sets `databases` on each count: the files of its extension whose content is a database.
    static func find(_ counts: inout [FileTypeCount], volume: Volume, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        var paths: [(count: Int, path: [UInt8])] = []
        for (index, count) in counts.enumerated() {
            let wanted = Array(count.fileExtension.utf8.dropFirst())
            for folder in volume.fileTypes.folders(of: count.fileExtension) {
                for entry in volume.files(in: folder) where entry.kind == .file && hasExtension(entry.path, wanted) {
                    paths.append((index, entry.path))
                }
            }
        }
        guard !paths.isEmpty else { return }
        let results = Results(count: paths.count)
        let (files, opener, root) = (paths.map(\.path), volume.opener, volume.index)
        let threads = max(1, min(workers, files.count))
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            for index in stride(from: worker, to: files.count, by: threads) {
                results.store(probe(files[index], opener: opener, root: root), at: index)
            }
        }
        var found: [Int: [DataFile]] = [:]
        for (index, item) in paths.enumerated() {
            if let file = results.values[index] { found[item.count, default: []].append(file) }
        }
        for (index, files) in found {
            counts[index].databases = files.sorted { $0.location < $1.location }
        }
    }

    /// True when the name's extension is `wanted` (lower-case ASCII), in any case.
    static func hasExtension(_ path: [UInt8], _ wanted: [UInt8]) -> Bool {
        guard path.count > wanted.count, path[path.count - wanted.count - 1] == UInt8(ascii: ".") else { return false }
        return zip(path.suffix(wanted.count), wanted).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
    }

    /// The file as a database data file, or nil when it is none (or cannot be read: the walk
    /// saw it, so a file that vanished since is simply not listed).
    static func probe(_ path: [UInt8], opener: any RootFiles, root: Int) -> DataFile? {
        guard let status = opener.fileStatus(path), status.size > 0 else { return nil }
        let wanted = Int(min(status.size, UInt64(headLimit)))
        guard let read = opener.withFile(path, { _, read in read(0, wanted) }), let head = read else { return nil }
        let location = Location(root: root, path: VolumePath(bytes: path))
        guard let format = DatabaseFormat.sniff(bytes: head, fileName: location.path.lastComponent) else { return nil }
        return DataFile(location: location, size: status.size, modified: status.modified, kind: format.displayName,
                        mime: format.mime, database: format)
    }

    /// Result slots the workers fill, guarded by one lock.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [DataFile?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func store(_ file: DataFile?, at index: Int) { lock.withLock { values[index] = file } }
    }
}

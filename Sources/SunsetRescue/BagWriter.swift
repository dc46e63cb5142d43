import Foundation
import Glibc
import SunsetCore

/// Makes a bag of a plan, or resumes the one an earlier run left at the same place.
///
/// Nothing is written before every refusal has been checked (destination inside a root,
/// unrelated non-empty folder, files sunset did not put there, free space). The record is
/// written before copying and as files are verified; payload manifests and `bag-info.txt`
/// only at the end, so a run killed at any moment leaves a bag that does not validate,
/// and the next run into it copies only what is not yet verified.
public struct BagWriter {
    public var destination: String
    public var plan: RescuePlan
    public var settings: BagSettings

    public init(destination: String, plan: RescuePlan, settings: BagSettings) {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL.path
        self.plan = plan
        self.settings = settings
    }

    /// The refusals that need no scan, so that a wrong `--to` fails at once.
    public static func precheck(destination: String, roots: [String]) throws(RescueError) {
        _ = try Destination.check(URL(fileURLWithPath: destination).standardizedFileURL.path, roots: roots)
    }

    /// Checks, copies what is not yet verified, and finishes the bag; throws only when it cannot run.
    public func run() throws(RescueError) -> RescueReport {
        let rootPaths = plan.roots.map(\.path)
        var earlier: BagRecord?
        if case let .ours(record) = try Destination.check(destination, roots: rootPaths) { earlier = record }
        guard !plan.sources.isEmpty else { throw .nothingToRescue }
        var trees: [SourceTree] = []
        defer { trees.forEach { $0.close() } }
        for root in plan.roots { trees.append(try SourceTree(root: root)) }
        let labels = PayloadName.rootLabels(plan.roots.map(Self.labelSource))
        let contents = BagContents(plan: plan, trees: trees, labels: labels, earlier: earlier)

        // MARK: Decide, still without writing
        var record = BagRecord(format: BagRecord.currentFormat, tool: settings.agent,
                               roots: zip(labels, rootPaths).map { BagRecord.Root(label: $0, path: $1) }, files: [],
                               databases: earlier?.databases)
        // Readable copies are made after copying, from the bag's own files (see `ReadableCopies`).
        let earlierCopied = (earlier?.files ?? []).filter { !$0.isDerived }
        let before = Dictionary(earlierCopied.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var toCopy: [Int] = []
        for (index, file) in contents.files.enumerated() {
            if let old = before[file.key], old.isVerified, old.payload == file.payload, holds(old) {
                // Verified before. Unchanged: skipped. Changed: copied again, and until the new
                // copy is verified the record keeps describing the old one, which stays valid.
                var entry = old
                entry.roles = file.roles.sorted()
                entry.companies = file.companies.sorted()
                entry.notes = file.notes.sorted()
                entry.keptFromEarlierRun = nil
                record.files.append(entry)
                if old.size != file.size || old.modified != file.modified { toCopy.append(index) }
            } else {
                record.files.append(BagRecord.Entry(payload: file.payload, root: file.key.root, source: file.key.path,
                                                    roles: file.roles.sorted(), companies: file.companies.sorted(),
                                                    notes: file.notes.sorted(), state: .planned))
                toCopy.append(index)
            }
        }
        let planned = Set(contents.files.map(\.key))
        var stale: [String] = []
        for old in earlierCopied where !planned.contains(old.key) {
            if old.isVerified && holds(old) {
                var kept = old
                kept.keptFromEarlierRun = true
                record.files.append(kept)
            } else {
                stale.append(old.payload)
            }
        }
        for old in earlier?.files ?? [] where old.isDerived {
            // Kept while they still hold; the readable step drops those whose original changed or left.
            if holds(old) { record.files.append(old) } else { stale.append(old.payload) }
        }
        if earlier != nil { try refuseForeignFiles(known: Set((earlier?.files ?? []).map(\.payload))) }
        let needed = toCopy.reduce(UInt64(1 << 20) + UInt64(contents.files.count) * 1024) { $0 + contents.files[$1].size }
        try Destination.checkSpace(destination, needed: needed)

        // MARK: Write
        // The record goes first: a folder holding it is recognised as this bag by the next run.
        let work = try WorkFolder(bag: destination)
        unfinish()
        var saver = RecordSaver(work: work)
        try saver.save(record, now: true)
        try work.writeTagFile(BagIt.declarationFile, Array(BagIt.declaration.utf8))
        do {
            try FileManager.default.createDirectory(atPath: destination + "/" + BagIt.payloadFolder,
                                                    withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(destination, reason: error.localizedDescription)
        }
        for payload in stale { unlink(destination + "/" + payload) }

        let tally = Tally(totalFiles: toCopy.count, totalBytes: toCopy.reduce(0) { $0 + contents.files[$1].size })
        var pacer = settings.pacer
        if let progress = settings.progress {
            let inner = pacer.afterChunk
            pacer.afterChunk = { attempt, bytes in
                inner?(attempt, bytes)
                progress(tally.progress(plus: bytes))
            }
        }
        let copier = FileCopier(work: work, pacer: pacer)
        let slots = Dictionary(record.files.enumerated().map { ($1.payload, $0) }, uniquingKeysWith: { first, _ in first })
        var notSaved: [RescueReport.NotSaved] = []
        var copiedBytes: UInt64 = 0
        for index in toCopy {
            let file = contents.files[index]
            let slot = slots[file.payload]!
            switch copier.copy(file.key.path, of: trees[file.key.root], to: destination + "/" + file.payload) {
            case let .success(copy):
                record.files[slot].state = .verified
                record.files[slot].size = copy.size
                record.files[slot].modified = copy.modified
                record.files[slot].sha256 = copy.sha256
                record.files[slot].sha512 = copy.sha512
                copiedBytes += copy.size
            case let .failure(failure):
                var reason = failure.reason
                if record.files[slot].isVerified {
                    reason += "; the copy made by an earlier run is kept"
                } else {
                    unlink(destination + "/" + file.payload)
                }
                notSaved.append(.init(place: BagContents.place(file.key.path, root: rootPaths[file.key.root]), reason: reason,
                                      companies: file.companies.sorted(), isCompanyData: file.roles.contains(.companyData)))
            }
            tally.fileDone(size: file.size)
            try saver.save(record)
        }
        record.files.removeAll { !$0.isVerified }
        try saver.save(record, now: true)

        let readable = try ReadableCopies(bag: destination, work: work, settings: settings.readable, progress: settings.step)
            .run(&record, saver: &saver)

        let finisher = BagFinisher(bag: destination, plan: plan, settings: settings, record: record,
                                   notSaved: notSaved.sorted(), skipped: contents.skipped)
        try finisher.finish(work: work)
        return RescueReport(bag: destination, files: record.files.count, bytes: record.files.reduce(0) { $0 + ($1.size ?? 0) },
                            copied: toCopy.count - notSaved.count, copiedBytes: copiedBytes,
                            alreadyVerified: contents.files.count - toCopy.count,
                            keptFromEarlier: record.files.filter { $0.keptFromEarlierRun == true }.count,
                            companies: finisher.completeCompanies, incompleteCompanies: finisher.incompleteCompanies,
                            notSaved: notSaved.sorted(), skipped: contents.skipped.count,
                            databases: record.databases ?? [], convertedNow: readable.convertedNow,
                            alreadyConverted: readable.alreadyConverted)
    }

    // MARK: - Parts

    /// What a root's folder in `data/` is named after: the folder, or for a file system inside
    /// a disk image the image's name and the partition's number ("pc.E01-partition-2").
    static func labelSource(_ root: ScanRoot) -> String {
        guard let volume = root.imageVolume else { return root.path }
        let image = (root.path as NSString).lastPathComponent
        guard let number = volume.firstMatch(of: /partition (\d+)/)?.1 else { return image }
        return "\(image)-partition-\(number)"
    }

    /// True when the bag's file for an entry is still as the entry says (size and time).
    private func holds(_ entry: BagRecord.Entry) -> Bool {
        var info = stat()
        guard lstat(destination + "/" + entry.payload, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        return UInt64(info.st_size) == entry.size && FileTime(info.st_mtim) == entry.modified
    }

    /// Removes the payload manifests, then the tag manifest: from the first removal on, the
    /// bag no longer looks complete (the tag manifest names files that are gone).
    private func unfinish() {
        for name in BagIt.algorithms.map(BagIt.manifestFile) + [BagIt.tagManifestFile(BagIt.tagAlgorithm)] {
            unlink(destination + "/" + name)
        }
    }

    /// Refuses a bag whose `data/` holds a file no run of sunset put there.
    private func refuseForeignFiles(known: Set<String>) throws(RescueError) {
        for payload in try BagFinisher.payloadFiles(bag: destination) where !known.contains(payload) {
            throw .foreignPayload(bag: destination, file: payload)
        }
    }
}

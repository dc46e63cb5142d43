import Foundation
import Glibc
import SunsetCore
import SunsetReadable

/// Converts one database into a folder and proves the copies (see `Conversion`). Given the
/// database's path, the name to give it in the report, the empty folder and the copies asked for.
/// `SunsetKit` passes one that runs the reader in a child process, so that a crash inside a
/// format library costs only that database's copies.
public typealias DatabaseConverter = @Sendable (_ path: String, _ sourceName: String, _ folder: URL,
                                                _ formats: Set<CopyFormat>) -> Result<ConversionReport, ConversionFailure>

/// Why a database could not be converted at all.
public struct ConversionFailure: Error, Sendable {
    public var reason: String

    public init(reason: String) { self.reason = reason }
}

/// Whether and how `rescue` makes readable copies of the databases it saves.
public struct ReadableSettings: Sendable {
    public var formats: Set<CopyFormat>
    public var convert: DatabaseConverter

    public init(formats: Set<CopyFormat> = Set(CopyFormat.allCases), convert: @escaping DatabaseConverter = ReadableSettings.inProcess) {
        self.formats = formats
        self.convert = convert
    }

    /// Converts in this process.
    public static let inProcess: DatabaseConverter = { path, name, folder, formats in
        do {
            let source = try DatabaseOpener.open(path)
            return .success(try Conversion.convert(source, sourcePath: name, to: folder, formats: formats))
        } catch {
            return .failure(ConversionFailure(reason: error.localizedDescription))
        }
    }
}

/// The readable-copy step of a rescue, run once every original is copied and verified: each
/// database among the bag's files (told by content, in the bag, never in the source) is
/// converted into a folder beside it, `<name>.readable/`. The conversion runs in the work
/// folder; each finished file is then moved into `data/`, hashed and recorded like a copied
/// file. A database whose copies an earlier run made from the same bytes is not converted
/// again. Whatever happens, the original is already saved: a failure is a gap, not an error.
struct ReadableCopies {
    let bag: String
    let work: WorkFolder
    /// nil: `--no-readable`; the databases are still listed, as not read.
    let settings: ReadableSettings?
    let progress: (@Sendable (String) -> Void)?

    /// What the step did this run.
    struct Outcome {
        var convertedNow = 0
        var alreadyConverted = 0
    }

    /// The roles whose files are converted: not the program's own files.
    static let convertedRoles: Set<RescuePlan.Role> = [.companyData, .backup, .export, .dependent]

    func run(_ record: inout BagRecord, saver: inout RecordSaver) throws(RescueError) -> Outcome {
        var outcome = Outcome()
        let earlier = Dictionary((record.databases ?? []).map { ($0.payload, $0) }, uniquingKeysWith: { first, _ in first })
        let originals = record.files.filter { !$0.isDerived && $0.isVerified && !Self.convertedRoles.isDisjoint(with: $0.roles) }
        // Copies of files no longer in the bag go first.
        let kept = Set(originals.map(\.payload))
        dropCopies(&record) { !kept.contains($0) }

        let found = originals.compactMap { entry in format(of: entry).map { (entry, $0) } }
        // The record keeps the earlier run's result of each database until this run redoes it,
        // so that a run killed half way loses nothing already converted.
        let payloads = Set(found.map(\.0.payload))
        var databases = earlier.filter { payloads.contains($0.key) }
        for (number, (entry, format)) in found.enumerated() {
            if let old = earlier[entry.payload], old.sha256 == entry.sha256, old.format == format.rawValue,
               wanted(old), copiesHold(of: entry.payload, in: record) {
                var same = old
                same.companies = entry.companies
                same.roles = entry.roles.map(\.rawValue)
                databases[entry.payload] = same
                outcome.alreadyConverted += old.status == .converted ? 1 : 0
                continue
            }
            dropCopies(&record) { $0 == entry.payload }
            progress?("converting \(number + 1) of \(found.count): \((entry.payload as NSString).lastPathComponent)")
            var database = Self.describe(entry, format: format)
            if let settings, format.isReadable {
                convert(entry, settings: settings, into: &database, record: &record)
                outcome.convertedNow += 1
            } else {
                database.status = .notRead
                database.reason = format.isReadable
                    ? "readable copies were not asked for (--no-readable)"
                    : "Sunset does not read \(format.displayName) tables yet; the original files are saved as they are"
            }
            databases[entry.payload] = database
            record.databases = Array(databases.values)
            try saver.save(record, now: true)
        }
        record.databases = databases.values.sorted { $0.payload.utf8.lexicographicallyPrecedes($1.payload.utf8) }
        try saver.save(record, now: true)
        return outcome
    }

    /// An earlier run's result is reused when it matches what this run would do.
    private func wanted(_ old: ReadableIndex.Database) -> Bool {
        switch old.status {
        case .converted: return settings != nil
        // A failure may have been the disk's or the machine's: it is tried again.
        case .failed: return false
        case .notRead: return settings == nil || DatabaseFormat(rawValue: old.format)?.isReadable == false
        }
    }

    // MARK: - One database

    /// The database's format, from the first bytes of its copy in the bag.
    private func format(of entry: BagRecord.Entry) -> DatabaseFormat? {
        let fd = open(bag + "/" + entry.payload, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 8192)
        let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 8192, 0) }
        guard got > 0 else { return nil }
        return DatabaseFormat.sniff(Data(head[0..<got]), fileName: (entry.payload as NSString).lastPathComponent)
    }

    static func describe(_ entry: BagRecord.Entry, format: DatabaseFormat) -> ReadableIndex.Database {
        ReadableIndex.Database(payload: entry.payload, companies: entry.companies, products: [],
                               roles: entry.roles.map(\.rawValue), modified: entry.modified?.seconds,
                               sha256: entry.sha256 ?? "", format: format.rawValue, formatName: format.displayName,
                               status: .failed, reason: nil, folder: nil, tables: [], gaps: [], complete: false)
    }

    private func convert(_ entry: BagRecord.Entry, settings: ReadableSettings, into database: inout ReadableIndex.Database,
                         record: inout BagRecord) {
        let staging = URL(fileURLWithPath: work.path + "/converting")
        try? FileManager.default.removeItem(at: staging)
        try? FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let name = (entry.payload as NSString).lastPathComponent
        let report: ConversionReport
        switch settings.convert(bag + "/" + entry.payload, name, staging, settings.formats) {
        case let .success(made): report = made
        case let .failure(failure):
            database.status = .failed
            database.reason = failure.reason
            database.gaps = ["could not be converted: \(failure.reason)"]
            return
        }
        let folder = folderName(for: entry.payload, in: record)
        var moved: [String: String] = [:]
        for file in report.files {
            let target = folder + "/" + file
            switch place(staging.appendingPathComponent(file).path, at: target) {
            case let .success(copy):
                record.files.append(BagRecord.Entry(
                    payload: target, root: entry.root, source: entry.source, roles: [.readable], companies: entry.companies,
                    notes: ["readable copy of \(name)"], state: .verified, size: copy.size, modified: copy.modified,
                    sha256: copy.sha256, sha512: copy.sha512, keptFromEarlierRun: nil, derivedFrom: entry.payload))
                moved[file] = target
            case let .failure(failure):
                database.gaps.append("\(file) could not be placed in the bag: \(failure.reason)")
            }
        }
        database.status = .converted
        database.folder = folder
        database.gaps += report.gaps.map(\.detail)
        database.tables = report.tables.map { table in
            let copies = table.copies.compactMap { copy -> ReadableIndex.Copy? in
                guard let file = moved[copy.file] else { return nil }
                return ReadableIndex.Copy(format: copy.format.rawValue, file: file, part: copy.part, rowsReadBack: copy.rowsReadBack)
            }
            var gaps = table.gaps.map(\.detail)
            if copies.count < table.copies.count { gaps.append("some copies could not be placed in the bag") }
            return ReadableIndex.Table(name: table.name, columns: table.columns.map(\.name), rows: table.rowsRead,
                                       copies: copies, leftOutColumns: table.leftOutColumns, gaps: gaps,
                                       complete: gaps.isEmpty && !copies.isEmpty)
        }
        database.complete = database.gaps.isEmpty && database.tables.allSatisfy(\.complete)
    }

    /// `<name>.readable`, or `<name>.readable-2`… when a saved file or folder already has that name.
    private func folderName(for payload: String, in record: BagRecord) -> String {
        var number = 1
        while true {
            let candidate = payload + ".readable" + (number == 1 ? "" : "-\(number)")
            let taken = record.files.contains { !$0.isDerived && ($0.payload == candidate || $0.payload.hasPrefix(candidate + "/")) }
                || record.files.contains { $0.isDerived && $0.derivedFrom != payload && $0.payload.hasPrefix(candidate + "/") }
            if !taken { return candidate }
            number += 1
        }
    }

    /// Moves a finished file into `data/`, flushed, and hashes it as it is on the disk.
    private func place(_ temporary: String, at payload: String) -> Result<FileCopier.Copied, ConversionFailure> {
        let target = bag + "/" + payload
        do {
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        } catch {
            return .failure(ConversionFailure(reason: error.localizedDescription))
        }
        let fd = open(temporary, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .failure(ConversionFailure(reason: Errno(errno).description)) }
        defer { close(fd) }
        var info = stat()
        guard fsync(fd) == 0 || errno == EINVAL, fstat(fd, &info) == 0 else { return .failure(ConversionFailure(reason: Errno(errno).description)) }
        guard let digests = FileCopier.digests(of: fd) else { return .failure(ConversionFailure(reason: "cannot read it back")) }
        guard rename(temporary, target) == 0 else { return .failure(ConversionFailure(reason: Errno(errno).description)) }
        return .success(FileCopier.Copied(size: UInt64(info.st_size), modified: FileTime(info.st_mtim),
                                          sha256: digests[.sha256]!, sha512: digests[.sha512]!))
    }

    // MARK: - Copies of earlier runs

    /// True when every readable copy an earlier run made of `payload` is still in the bag as recorded.
    private func copiesHold(of payload: String, in record: BagRecord) -> Bool {
        record.files.filter { $0.derivedFrom == payload }.allSatisfy { entry in
            var info = stat()
            return lstat(bag + "/" + entry.payload, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
                && UInt64(info.st_size) == entry.size && FileTime(info.st_mtim) == entry.modified
        }
    }

    /// Removes the readable copies made of the originals `matching` says, from the bag and the record.
    private func dropCopies(_ record: inout BagRecord, of matching: (String) -> Bool) {
        var folders = Set<String>()
        for entry in record.files {
            guard let original = entry.derivedFrom, matching(original) else { continue }
            unlink(bag + "/" + entry.payload)
            folders.insert((entry.payload as NSString).deletingLastPathComponent)
        }
        // Only empty folders go; rmdir refuses any other.
        for folder in folders { rmdir(bag + "/" + folder) }
        record.files.removeAll { $0.derivedFrom.map(matching) ?? false }
    }
}

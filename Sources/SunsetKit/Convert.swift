import Foundation
import SunsetReadable

/// `sunset convert`: the readable copies of one database, or of every database under a
/// folder, without a scan or a bag (for people who only need that).
public enum Convert {
    /// What one conversion run did.
    public struct Outcome: Sendable {
        /// Each database converted, with the folder its copies went to.
        public var reports: [(folder: String, report: ConversionReport)]
        /// Databases that could not be converted at all, with why.
        public var failures: [(path: String, reason: String)]

        /// 0: every copy complete; 1: something is missing or could not be converted (listed).
        public var exitCode: Int32 {
            reports.allSatisfy(\.report.isComplete) && failures.isEmpty ? 0 : 1
        }
    }

    /// Converts each path: a database file into `destination` itself, a folder's databases
    /// each into `destination/<its path below the folder>/`. Throws (could not run) when a
    /// path does not exist, a file given by name is no database, or a folder holds none.
    /// Each database is converted through `isolation`: a reader that crashes on one is a
    /// failure listed for it, and the others are still converted.
    public static func run(paths: [String], to destination: String, formats: Set<CopyFormat>,
                           isolation: IsolatedConversion = .forThisProcess()) throws -> Outcome {
        guard !formats.isEmpty else { throw KitError.notConvertible("give at least one copy format") }
        var jobs: [(source: String, folder: URL)] = []
        let target = URL(fileURLWithPath: destination)
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw KitError.notConvertible("\(path): no such file or folder")
            }
            if !isFolder.boolValue {
                guard DatabaseOpener.format(of: path) != nil else {
                    throw KitError.notConvertible("\(path): not a database Sunset recognises (by its content)")
                }
                jobs.append((path, paths.count == 1 ? target : target.appendingPathComponent((path as NSString).lastPathComponent)))
                continue
            }
            let found = databases(under: path)
            guard !found.isEmpty else { throw KitError.notConvertible("\(path): no database found in this folder") }
            for relative in found {
                jobs.append(((path as NSString).appendingPathComponent(relative), target.appendingPathComponent(relative)))
            }
        }
        var outcome = Outcome(reports: [], failures: [])
        for job in jobs {
            do {
                try FileManager.default.createDirectory(at: job.folder, withIntermediateDirectories: true)
            } catch {
                outcome.failures.append((job.source, error.localizedDescription))
                continue
            }
            switch isolation.convert(job.source, sourceName: job.source, to: job.folder, formats: formats) {
            case let .converted(report): outcome.reports.append((job.folder.path, report))
            case let .failed(reason): outcome.failures.append((job.source, reason))
            }
        }
        return outcome
    }

    /// The copies named on the command line (`csv,sqlite`, or repeated); all three when none is.
    public static func formats(_ names: [String]) throws -> Set<CopyFormat> {
        var chosen = Set<CopyFormat>()
        for text in names.flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let format = CopyFormat(rawValue: text) else {
                throw KitError.badFormat(text, known: CopyFormat.allCases.map(\.rawValue))
            }
            chosen.insert(format)
        }
        return chosen.isEmpty ? Set(CopyFormat.allCases) : chosen
    }

    /// The databases below a folder (relative paths, sorted), told by content; links are not followed.
    static func databases(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let attributes = walker.fileAttributes
            guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            if DatabaseOpener.format(of: (folder as NSString).appendingPathComponent(relative)) != nil { found.append(relative) }
        }
        return found.sorted()
    }

    /// The run in words: each database's report, then what failed.
    public static func summary(_ outcome: Outcome) -> String {
        var text = ""
        for (folder, report) in outcome.reports {
            text += "Copies in \(folder):\n\n" + report.markdown() + "\n"
        }
        for (path, reason) in outcome.failures { text += "Not converted: \(path): \(reason)\n" }
        return text
    }
}

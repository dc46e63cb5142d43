import Foundation

/// `sunset rules validate`: loads every given pack and OS table strictly and gathers every
/// error of every file, rather than stopping at the first.
public enum PackValidator {
    /// What validation found: one line per good file, and every error.
    public struct Report: Sendable {
        public var valid: [String] = []
        public var errors: [RulePackError] = []

        /// True when no file had an error.
        public var passed: Bool { errors.isEmpty }
    }

    /// Validates files and folders. Packs are judged with the OS tables given alongside
    /// them (or the built-in ones), so a folder's own `os/` tables count.
    public static func validate(_ paths: [String]) -> Report {
        var report = Report()
        var files: [PackSet.File] = []
        for path in paths {
            do {
                files += try PackSet.files(at: path)
            } catch let error as RulePackError {
                report.errors += error.all
            } catch {
                report.errors.append(.unreadable(file: path, reason: "\(error)"))
            }
        }
        var tables = (try? PackSet.builtInOSTables()) ?? []
        for file in files where file.kind == .osTable {
            record(file, into: &report) {
                let table = try OSReleaseTable.load(yaml: try PackSet.read(file.url), file: file.url.path)
                tables.append(table)
                return "\(table.family) releases, \(table.releases.count) entries"
            }
        }
        let releases = OSReleases(tables)
        for file in files where file.kind == .pack {
            record(file, into: &report) {
                let pack = try RulePackLoader.load(contentsOf: file.url, osReleases: releases)
                let examples = pack.rules.map(\.examples.count).reduce(0, +)
                return "\(pack.id) \(pack.version), \(pack.rules.count) rules, \(examples) examples, \(pack.checklist.count) checklist steps"
            }
        }
        return report
    }

    private static func record(_ file: PackSet.File, into report: inout Report, _ body: () throws -> String) {
        do {
            report.valid.append("\(file.url.path): ok (\(try body()))")
        } catch let error as RulePackError {
            report.errors += error.all
        } catch {
            report.errors.append(.unreadable(file: file.url.path, reason: "\(error)"))
        }
    }
}

import Foundation
import Testing

/// Golden files: `assertSnapshot` compares a report with the file of that name in
/// `__Snapshots__/`. With `RECORD_SNAPSHOTS=1` it writes the file instead (and fails, so a
/// recording run is never taken for a passing one); read every recorded file before committing.
/// A mismatch shows a unified diff (`diff -u`) of golden against actual.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            Issue.record("recorded \(name); read it, then run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file \(name); record it with RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let message = "\(name) differs from its golden file (re-record with RECORD_SNAPSHOTS=1 if the change is wanted):\n"
                + diff(expected, actual)
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    /// `diff -u` of the two texts, cut to 120 lines.
    static func diff(_ expected: String, _ actual: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("golden"), new = folder.appendingPathComponent("actual")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(expected.utf8).write(to: old)
            try Data(actual.utf8).write(to: new)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["diff", "-u", old.path, new.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            return lines.prefix(120).joined(separator: "\n") + (lines.count > 120 ? "\n… (\(lines.count - 120) more lines)" : "")
        } catch {
            let first = Array(zip(expected.split(separator: "\n"), actual.split(separator: "\n"))).firstIndex { $0 != $1 }
            return "first differing line: \(first.map { String($0 + 1) } ?? "past the end of the shorter text")"
        }
    }
}

import Foundation
import SunsetFixtures
@testable import SunsetKit
import SunsetReadable
import Testing

/// `IsolatedConversion`: a database converted in a child `sunset convert-one` gives the same
/// report as in this process, and a child that crashes, hangs, or prints no report is a
/// failure with a reason, never the end of the caller.
@Suite struct IsolatedConversionTests {
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-isolated-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A small Access file of two tables (accents, a memo, a null).
    static func accessFile(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("Firma.mdb")
        try JetWriter.write([
            JetWriter.Table(name: "Kunden", columns: [JetColumn("Name", .text(maxLength: 50)), JetColumn("Nummer", .int32),
                                                     JetColumn("Notiz", .memo)],
                            rows: (1...120).map { [.text("Müller \($0)"), .integer(Int64($0)), $0 % 3 == 0 ? .null : .text("é \($0)")] }),
            JetWriter.Table(name: "Artikel", columns: [JetColumn("Preis", .currency)], rows: [[.decimal("1.2500")]]),
        ], to: url)
        return url
    }

    /// The built binary as the child, or a failed expectation.
    static func child() throws -> IsolatedConversion {
        let isolation = IsolatedConversion.forThisProcess()
        try #require(isolation.executable != nil, "the sunset binary was not found next to the tests; run `swift build` first")
        return isolation
    }

    @Test func theChildGivesTheSameReportAsThisProcess() throws {
        let root = try Self.folder("same")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.accessFile(in: root)
        let inChild = root.appendingPathComponent("child"), here = root.appendingPathComponent("here")
        for folder in [inChild, here] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let formats = Set(CopyFormat.allCases)
        guard case let .converted(childReport) = try Self.child().convert(file.path, sourceName: "Firma.mdb", to: inChild, formats: formats),
              case let .converted(report) = IsolatedConversion(executable: nil).convert(file.path, sourceName: "Firma.mdb", to: here,
                                                                                        formats: formats) else {
            Issue.record("a conversion failed")
            return
        }
        #expect(childReport == report)
        #expect(childReport.isComplete)
        #expect(childReport.sourcePath == "Firma.mdb")
        #expect(childReport.tables.map(\.rowsRead).sorted() == [1, 120])
        #expect(FileManager.default.fileExists(atPath: inChild.appendingPathComponent("Firma.xlsx").path))
    }

    @Test func aChildKilledBySegfaultIsAFailureNamingTheSignal() throws {
        let root = try Self.folder("segv")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.accessFile(in: root)
        var crashing = try Self.child()
        crashing.childEnvironment = [IsolatedConversion.ChildCommand.crashHook: "segv"]
        let outcome = crashing.convert(file.path, sourceName: "Firma.mdb", to: root.appendingPathComponent("out"), formats: [.csv])
        guard case let .failed(reason) = outcome else {
            Issue.record("a crashed child was taken for a conversion: \(outcome)")
            return
        }
        #expect(reason == "the Access reader crashed (signal 11, SIGSEGV) on this file")
    }

    @Test func aChildThatHangsIsStoppedAtTheTimeout() throws {
        let root = try Self.folder("hang")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.accessFile(in: root)
        var hanging = IsolatedConversion(executable: try #require(try Self.child().executable), timeout: 2)
        hanging.childEnvironment = [IsolatedConversion.ChildCommand.crashHook: "hang"]
        let started = Date()
        guard case let .failed(reason) = hanging.convert(file.path, sourceName: "Firma.mdb", to: root, formats: [.csv]) else {
            Issue.record("a hanging child was taken for a conversion")
            return
        }
        #expect(reason.contains("did not finish within 2 s"), "\(reason)")
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func noReportOrGarbageIsAFailure() throws {
        let root = try Self.folder("garbage")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.accessFile(in: root)
        // /bin/echo prints its arguments (no report) and exits 0; /bin/false prints nothing and exits 1.
        guard case let .failed(garbage) = IsolatedConversion(executable: "/bin/echo").convert(file.path, sourceName: "x", to: root, formats: [.csv]),
              case let .failed(silent) = IsolatedConversion(executable: "/bin/false").convert(file.path, sourceName: "x", to: root, formats: [.csv]),
              case let .failed(missing) = IsolatedConversion(executable: "/nonexistent/sunset").convert(file.path, sourceName: "x", to: root, formats: [.csv])
        else {
            Issue.record("a child without a report was taken for a conversion")
            return
        }
        #expect(garbage == "the Access reader gave no readable report")
        #expect(silent.hasPrefix("the Access reader stopped (exit status 1) without a report"), "\(silent)")
        #expect(missing.contains("could not be started"), "\(missing)")
    }

    @Test func whatTheChildCannotReadIsItsOwnReason() throws {
        let root = try Self.folder("unreadable")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("leer.mdb")
        try Data(repeating: 0, count: 4096).write(to: file)
        guard case let .failed(reason) = try Self.child().convert(file.path, sourceName: "leer.mdb", to: root, formats: [.csv]) else {
            Issue.record("a file of zeros was converted")
            return
        }
        #expect(reason.contains("not a readable database"), "\(reason)")
    }

    @Test func convertListsACrashAsAFailureAndGoesOn() throws {
        let root = try Self.folder("convert")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.accessFile(in: root)
        var crashing = try Self.child()
        crashing.childEnvironment = [IsolatedConversion.ChildCommand.crashHook: "segv"]
        let outcome = try Convert.run(paths: [file.path], to: root.appendingPathComponent("copies").path, formats: [.csv],
                                      isolation: crashing)
        #expect(outcome.reports.isEmpty)
        #expect(outcome.failures.map(\.reason) == ["the Access reader crashed (signal 11, SIGSEGV) on this file"])
        #expect(outcome.exitCode == 1)
        #expect(Convert.summary(outcome).contains("Not converted: \(file.path): the Access reader crashed"))
    }
}

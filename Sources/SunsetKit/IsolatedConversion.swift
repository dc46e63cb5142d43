import Foundation
import Glibc
import SunsetReadable

/// Converts one database, in a child `sunset` process when there is a binary to run: the
/// readers (mdbtools' libmdb above all, C code reading bytes nobody checked) then cannot take
/// the caller down. A child killed by a signal, one that ends without a report, prints
/// something that is no report, or runs past the timeout is a `.failed` outcome with a
/// one-line reason; the caller goes on with the next database.
public struct IsolatedConversion: Sendable {
    public enum Outcome: Sendable {
        case converted(ConversionReport)
        case failed(reason: String)
    }

    /// The binary run as the child; nil converts in this process.
    public let executable: String?
    public let timeout: TimeInterval
    /// Added to the child's environment (tests use it for the child's crash hook).
    var childEnvironment: [String: String] = [:]

    /// `executable`: the sunset binary to run the conversion in a child process; nil converts in this process.
    public init(executable: String?, timeout: TimeInterval = 3600) {
        self.executable = executable
        self.timeout = timeout
    }

    /// The running sunset binary (/proc/self/exe when this process is `sunset`), else a `sunset` next to the running test bundle / executable, else nil (in-process).
    public static func forThisProcess() -> IsolatedConversion {
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        let url = URL(fileURLWithPath: running)
        if url.lastPathComponent == "sunset", FileManager.default.isExecutableFile(atPath: url.path) {
            return IsolatedConversion(executable: url.path)
        }
        var folders = [url.deletingLastPathComponent(), Bundle.main.bundleURL,
                       URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()]
        folders += folders.map { $0.deletingLastPathComponent() }
        for folder in folders {
            let candidate = folder.appendingPathComponent("sunset")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return IsolatedConversion(executable: candidate.path)
            }
        }
        return IsolatedConversion(executable: nil)
    }

    /// Converts the database at `path` into `folder` (created by the caller, empty or ours), naming it `sourceName` in the report.
    public func convert(_ path: String, sourceName: String, to folder: URL, formats: Set<CopyFormat>) -> Outcome {
        guard let executable else { return Self.convertHere(path, sourceName: sourceName, to: folder, formats: formats) }
        return convertInChild(executable, path, sourceName: sourceName, to: folder, formats: formats)
    }

    /// The conversion itself, in this process; what the child runs.
    static func convertHere(_ path: String, sourceName: String, to folder: URL, formats: Set<CopyFormat>) -> Outcome {
        do {
            let source = try DatabaseOpener.open(path)
            return .converted(try Conversion.convert(source, sourcePath: sourceName, to: folder, formats: formats))
        } catch {
            return .failed(reason: (error as? LocalizedError)?.errorDescription ?? "\(error)")
        }
    }

    // MARK: - The parent's side

    private func convertInChild(_ executable: String, _ path: String, sourceName: String, to folder: URL,
                                formats: Set<CopyFormat>) -> Outcome {
        let arguments = [ChildCommand.name, path, "--to", folder.path, "--name", sourceName,
                         "--format", formats.sorted().map(\.rawValue).joined(separator: ",")]
        let run = ChildRun.run(executable, arguments, environment: childEnvironment, timeout: timeout)
        let status: Int32
        switch run.end {
        case let .notStarted(reason):
            return .failed(reason: "the converter (\(executable)) could not be started: \(reason)")
        case .timedOut:
            return .failed(reason: "the \(Self.reader(of: path)) did not finish within \(Int(timeout)) s on this file: stopped")
        case let .signal(signal):
            return .failed(reason: "the \(Self.reader(of: path)) crashed (signal \(signal), \(ChildRun.signalName(signal))) on this file")
        case let .exited(code):
            status = code
        }
        if let envelope = try? JSONDecoder().decode(ChildCommand.Envelope.self, from: run.output) {
            if let report = envelope.report, status == 0 { return .converted(report) }
            if let failure = envelope.failure { return .failed(reason: failure) }
        }
        let said = String(decoding: run.errors, as: UTF8.self)
            .split(whereSeparator: \.isNewline).last.map { String($0.prefix(300)) }
        if status != 0 {
            return .failed(reason: "the \(Self.reader(of: path)) stopped (exit status \(status)) without a report"
                + (said.map { ": \($0)" } ?? ""))
        }
        return .failed(reason: "the \(Self.reader(of: path)) gave no readable report")
    }

    /// Which reader a file goes to, for a reason people can read.
    static func reader(of path: String) -> String {
        switch DatabaseOpener.format(of: path) {
        case .jet3, .jet4, .ace: return "Access reader"
        case .sqlite: return "SQLite reader"
        case .dbase, .foxpro: return "dBase reader"
        case .paradox, nil: return "database reader"
        }
    }

    // MARK: - The child's side

    /// The hidden `sunset convert-one` command's work.
    public enum ChildCommand {
        public static let name = "convert-one"
        /// A test hook, honoured only by the child: `segv` raises SIGSEGV, `hang` sleeps past
        /// any timeout, before the database is opened. Tests set it through `childEnvironment`.
        public static let crashHook = "SUNSET_CONVERT_CHILD_TEST_HOOK"

        /// What the child writes on its standard output: a report or why there is none.
        struct Envelope: Codable {
            var report: ConversionReport?
            var failure: String?
        }

        /// Converts in this process and writes the envelope as JSON on standard output. The
        /// libraries' own chatter on standard output is sent to standard error first, so the
        /// output holds the envelope and nothing else. Returns the exit status.
        public static func run(path: String, sourceName: String, folder: String, formats: Set<CopyFormat>) -> Int32 {
            let reportOutput = dup(STDOUT_FILENO)
            guard reportOutput >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else { return 70 }
            switch ProcessInfo.processInfo.environment[crashHook] {
            case "segv":
                // The Swift runtime's crash handler would take a raised signal for a report
                // and carry on: the default action, as a library's crash gets it.
                signal(SIGSEGV, SIG_DFL)
                raise(SIGSEGV)
            case "hang": while true { sleep(60) }
            default: break
            }
            let envelope: Envelope
            switch IsolatedConversion.convertHere(path, sourceName: sourceName, to: URL(fileURLWithPath: folder), formats: formats) {
            case let .converted(report): envelope = Envelope(report: report, failure: nil)
            case let .failed(reason): envelope = Envelope(report: nil, failure: reason)
            }
            guard let data = try? JSONEncoder().encode(envelope) else { return 70 }
            let handle = FileHandle(fileDescriptor: reportOutput, closeOnDealloc: true)
            do { try handle.write(contentsOf: data) } catch { return 74 }
            return 0
        }
    }
}

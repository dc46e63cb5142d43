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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [ChildCommand.name, path, "--to", folder.path, "--name", sourceName,
                             "--format", formats.sorted().map(\.rawValue).joined(separator: ",")]
        // A crash is reported by its signal; the Swift runtime's backtrace of it would only slow it down.
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
            .merging(childEnvironment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do { try process.run() } catch {
            return .failed(reason: "the converter (\(executable)) could not be started: \(error.localizedDescription)")
        }
        // Both pipes are read to their end while the child runs, so a large report cannot block it.
        let reading = DispatchGroup()
        let output = Collected(), errors = Collected()
        for (pipe, sink) in [(out, output), (err, errors)] {
            reading.enter()
            DispatchQueue.global().async {
                sink.data = pipe.fileHandleForReading.readDataToEndOfFile()
                reading.leave()
            }
        }
        var timedOut = false
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        reading.wait()
        if timedOut {
            return .failed(reason: "the \(Self.reader(of: path)) did not finish within \(Int(timeout)) s on this file: stopped")
        }
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            return .failed(reason: "the \(Self.reader(of: path)) crashed (signal \(signal), \(Self.signalName(signal))) on this file")
        }
        if let envelope = try? JSONDecoder().decode(ChildCommand.Envelope.self, from: output.data) {
            if let report = envelope.report, process.terminationStatus == 0 { return .converted(report) }
            if let failure = envelope.failure { return .failed(reason: failure) }
        }
        let said = String(decoding: errors.data, as: UTF8.self)
            .split(whereSeparator: \.isNewline).last.map { String($0.prefix(300)) }
        if process.terminationStatus != 0 {
            return .failed(reason: "the \(Self.reader(of: path)) stopped (exit status \(process.terminationStatus)) without a report"
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

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGABRT: "SIGABRT", SIGILL: "SIGILL",
                                      SIGTRAP: "SIGTRAP", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
                                      SIGSYS: "SIGSYS", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ", SIGPIPE: "SIGPIPE"]
        return names[signal] ?? "signal \(signal)"
    }

    /// Bytes a reading thread fills in before `reading.wait()` returns.
    private final class Collected: @unchecked Sendable {
        var data = Data()
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

import Foundation
import Glibc

/// One run of a child `sunset` that may crash: how it ended, and its standard output and
/// error, each read to its end while it runs (so that a large output cannot block it). The
/// Swift runtime's backtracer is turned off in the child: a crash is told by its signal, and
/// a backtrace would only slow it down. A child past `timeout` is killed.
struct ChildRun {
    enum End {
        case exited(Int32)
        case signal(Int32)
        case timedOut
        case notStarted(String)
    }

    var end: End
    var output = Data()
    var errors = Data()

    static func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:],
                    timeout: TimeInterval) -> ChildRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
            .merging(extra) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do { try process.run() } catch { return ChildRun(end: .notStarted(error.localizedDescription)) }
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
        let end: End = timedOut ? .timedOut
            : process.terminationReason == .uncaughtSignal ? .signal(process.terminationStatus) : .exited(process.terminationStatus)
        return ChildRun(end: end, output: output.data, errors: errors.data)
    }

    /// A signal's name for people ("SIGSEGV").
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
}

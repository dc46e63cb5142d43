import Foundation
import Glibc

/// A one-line progress display on stderr while scanning, only when stderr is a terminal
/// (never in pipes, logs or CI). Redrawn at most ten times a second, erased at the end.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// A progress line when stderr is a terminal, else nil.
    static func forTerminal() -> ProgressLine? { isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil }

    /// Shows the count of files walked and the rate.
    func update(_ files: Int) {
        show { seconds in "scanning: \(files) files walked, \(Int(Double(files) / max(seconds, 0.001))) files/s" }
    }

    /// Shows the text made from the seconds since the start, at most ten times a second.
    func show(_ text: (Double) -> String) {
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            FileHandle.standardError.write(Data("\r\(text(now.timeIntervalSince(started)))\u{1B}[K".utf8))
            drawn = true
        }
    }

    /// Erases the line.
    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}

extension ProgressLine {
    /// The scanner's progress callback for this line.
    var callback: @Sendable (Int) -> Void {
        { [self] files in self.update(files) }
    }
}

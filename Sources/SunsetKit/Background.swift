import Foundation

/// Work started on another thread while the caller does something else; `value()` waits
/// for it and returns its result or rethrows its error.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the worker before it signals `finished`, read only after waiting.
    private var result: Result<Value, any Error>?

    /// Starts `work` at once.
    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = Result { try work() }
            finished.signal()
        }
    }

    /// The work's result, once it is done (call it once).
    func value() throws -> Value {
        finished.wait()
        return try result!.get()
    }
}

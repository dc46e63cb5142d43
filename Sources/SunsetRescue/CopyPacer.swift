import Foundation

/// Slows or watches a copy, chunk by chunk. Empty in normal use. Tests use it to make a
/// copy slow enough to be killed half-way (`SUNSET_TEST_COPY_DELAY_MS`, read by SunsetKit),
/// or to change a source file while it is being copied.
public struct CopyPacer: Sendable {
    /// Seconds to wait after each chunk.
    public var delayPerChunk: Double
    /// Called after each chunk with the attempt number (from 1) and the bytes copied so far.
    public var afterChunk: (@Sendable (_ attempt: Int, _ bytes: UInt64) -> Void)?

    public init(delayPerChunk: Double = 0, afterChunk: (@Sendable (Int, UInt64) -> Void)? = nil) {
        self.delayPerChunk = delayPerChunk
        self.afterChunk = afterChunk
    }

    func chunkDone(attempt: Int, bytes: UInt64) {
        afterChunk?(attempt, bytes)
        if delayPerChunk > 0 { Thread.sleep(forTimeInterval: delayPerChunk) }
    }
}

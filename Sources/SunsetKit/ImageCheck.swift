import Foundation
import Glibc
import SunsetImage

/// The Sleuth Kit is C code reading possibly damaged images. Before a scan opens an image, a
/// child `sunset image-walk IMAGE` opens it and walks every file system in it the way the scan
/// will; a child killed by a signal (or stuck past the timeout) makes the image a coverage gap
/// with the signal named, and the scan never opens it. Reading the files' contents later
/// still happens in the scan's own process: the walk covers the metadata, where damage is met.
public enum ImageCheck {
    public static let command = "image-walk"
    /// A test hook, honoured only by the child: `segv` makes it die as a crash would.
    public static let crashHook = "SUNSET_IMAGE_CHILD_TEST_HOOK"

    /// The check the scan runs for each image: nil when it may be opened, else why not. Nil
    /// (no check) when no sunset binary can be found to run as the child.
    public static func checker(timeout: TimeInterval = 3600) -> (@Sendable (String) -> String?)? {
        guard let executable = IsolatedConversion.forThisProcess().executable else { return nil }
        return { path in check(path, executable: executable, timeout: timeout) }
    }

    static func check(_ path: String, executable: String, timeout: TimeInterval) -> String? {
        switch ChildRun.run(executable, [command, path], timeout: timeout).end {
        // A child that cannot start, or ends on its own, leaves the scan to find out for itself.
        case .notStarted, .exited: return nil
        case .timedOut:
            return "the image reader did not finish walking this image within \(Int(timeout)) s: not read"
        case let .signal(signal):
            return "the image reader crashed (signal \(signal), \(ChildRun.signalName(signal))) on this image: not read"
        }
    }

    /// The child's work: open the image and walk every file system in it. 0 when it got
    /// through (damage it reports is the scan's to describe), 1 when the image cannot be opened.
    public static func walk(_ path: String) -> Int32 {
        if ProcessInfo.processInfo.environment[crashHook] == "segv" {
            signal(SIGSEGV, SIG_DFL)
            raise(SIGSEGV)
        }
        do {
            let image = try DiskImage.open(path)
            for system in try image.fileSystems().fileSystems { system.walk { _, _ in true } }
            return 0
        } catch {
            return 1
        }
    }
}

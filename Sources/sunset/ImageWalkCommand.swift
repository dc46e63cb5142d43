import ArgumentParser
import SunsetKit

/// The child of `ImageCheck`, hidden from help: opens a disk image and walks every file system
/// in it, so that a crash inside the image library takes only this process down.
struct ImageWalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: ImageCheck.command,
        abstract: "Open a disk image and walk its file systems (run by scans before they read an image).",
        shouldDisplay: false
    )

    @Argument(help: "The image file.") var path: String

    func run() throws {
        let status = ImageCheck.walk(path)
        if status != 0 { throw ExitCode(status) }
    }
}

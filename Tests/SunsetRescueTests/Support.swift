import Foundation
import Glibc
import SunsetCore
import SunsetFixtures
import Testing

/// The built binary, or a failed expectation explaining how to get it.
func sunset() throws -> CommandRunner {
    try #require(CommandRunner.built(), "the sunset binary was not found next to the tests; run `swift build` first")
}

let fixedNow = SampleVolume.fixedNow
let fixedAsOf = SampleVolume.fixedAsOf

/// The demo's sample volume, built for one test at the fixed clock.
func sampleVolume(_ name: String) throws -> VolumeBuilder { try SampleVolume.temporary(name) }

/// Runs `sunset rescue ROOTS --to BAG --as-of …` and returns the result.
@discardableResult
func rescue(_ roots: [String], to bag: String, _ extra: [String] = []) throws -> CommandRunner.Result {
    try sunset().run(["rescue"] + roots + ["--to", bag, "--as-of", fixedAsOf] + extra)
}

/// The Library of Congress's validator (PyPI `bagit`, installed by `.ci/run`): its exit
/// status and output for `--validate BAG`.
func bagitPy(_ bag: String) throws -> CommandRunner.Result {
    let env = CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env"))
    let check = try env.run(["python3", "-c", "import bagit"])
    try #require(check.status == 0, "the Python package 'bagit' is missing: run `pip install bagit` (.ci/run does)")
    return try env.run(["python3", "-m", "bagit", "--validate", bag])
}

/// A file's bytes.
func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

/// Inverts one byte of a file in place.
func flipByte(_ path: String, at offset: Int) throws {
    var data = try Data(contentsOf: URL(fileURLWithPath: path))
    data[offset] ^= 0xFF
    try data.write(to: URL(fileURLWithPath: path))
}

/// Writes a file at a byte-exact path below `root` (for names that are not UTF-8).
func writeRaw(root: String, _ relative: [UInt8], _ contents: Data) throws {
    let path = Array(root.utf8) + [UInt8(ascii: "/")] + relative + [0]
    let fd = path.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
    }
    try #require(fd >= 0, "cannot create the file: \(String(cString: strerror(errno)))")
    defer { close(fd) }
    _ = contents.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
}

/// Free bytes on the file system holding `path`, as an unprivileged writer sees them.
func freeBytes(_ path: String) -> UInt64 {
    var info = statvfs()
    guard statvfs(path, &info) == 0 else { return 0 }
    return UInt64(info.f_bavail) * UInt64(info.f_frsize)
}

import Foundation

/// The disk-image fixtures of `Tests/Fixtures/images` (made by its `make-images` script):
/// the sample old-PC disk as a folder and as raw, split raw, E01, VHD, VHDX and VMDK images
/// of one MBR disk (partition 1 FAT 'SYSTEM', partition 2 NTFS 'Windows' holding the
/// folder), and a bare FAT image. Unpacked once per test process into a temporary folder.
public enum ImageFixtures {
    /// The committed archive.
    public static let archive = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/images/images.tar.xz")

    /// The image files of the one disk, in every format, by the name the tests use.
    public static let diskImages = ["pc.raw", "pc.001", "pc.E01", "pc.vhd", "pc.vhdx", "pc.vmdk"]
    /// The byte offset of the NTFS partition (partition 2) and of the FAT one (partition 1).
    public static let ntfsOffset: UInt64 = 6144 * 512
    public static let fatOffset: UInt64 = 2048 * 512

    /// The folder the archive was unpacked into (read-only for the tests: copy before changing).
    public static var folder: URL {
        get throws {
            switch unpacked {
            case .success(let url): return url
            case .failure(let error): throw error
            }
        }
    }

    /// One of the files of the archive: `volume`, `pc.E01`, `usb.img`…
    public static func url(_ name: String) throws -> URL { try folder.appendingPathComponent(name) }

    private static let unpackedPath = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-images-\(getpid())").path
    private static let unpacked: Result<URL, Error> = Result(catching: {
        let target = URL(fileURLWithPath: unpackedPath)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ImageFixtures.unpackedPath) }
        let result = try run("/usr/bin/env", ["tar", "-xJf", archive.path, "-C", target.path])
        guard result.status == 0 else {
            throw FixtureError("cannot unpack \(archive.path): \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return target
    })

    /// Runs a program, returning its exit status, standard output and standard error.
    public static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Standard error is read on another thread, so that neither pipe can fill and block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errors.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, output, errors.data)
    }

    /// A tool of The Sleuth Kit (`fls`, `icat`…) run on an image; throws when it fails.
    public static func sleuthKit(_ tool: String, _ arguments: [String]) throws -> Data {
        let result = try run("/usr/bin/env", [tool] + arguments)
        guard result.status == 0 else {
            throw FixtureError("\(tool) \(arguments.joined(separator: " ")) failed: \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return result.stdout
    }

    /// The SHA-256 of a file, by `sha256sum` (to prove an image unchanged).
    public static func sha256(_ url: URL) throws -> String {
        let result = try run("/usr/bin/env", ["sha256sum", url.path])
        return String(decoding: result.stdout, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    /// `fls -r -p` of the file system at `offset` (bytes) in `image`, as the scanner should
    /// see it: path → type letter ("r", "d", "l"…), allocated names only, without the names
    /// libtsk makes up (`$OrphanFiles`), alternate data streams and NTFS' own `$` files at
    /// the root (MFT entries below 16).
    public static func fls(_ image: URL, offset: UInt64) throws -> [String: String] {
        let text = String(decoding: try sleuthKit("fls", ["-r", "-p", "-o", String(offset / 512), image.path]), as: UTF8.self)
        var listed: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let head = parts[0].split(separator: " ")
            let type = head[0].split(separator: "/").last.map(String.init) ?? "-"
            if head.contains("*") { continue }  // deleted
            let path = String(parts[1])
            if path.hasPrefix("$OrphanFiles") || type == "V" || type == "v" { continue }  // made up by libtsk
            let inode = UInt64(head.last!.split(separator: "-").first!.trimmingCharacters(in: CharacterSet(charactersIn: ":"))) ?? 0
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name.contains(":") { continue }  // fls prints an NTFS stream as "file:stream"; Windows allows no colon in names
            if !path.contains("/") && path.hasPrefix("$") && inode < 16 { continue }
            if path.hasPrefix("$Extend") || path.hasSuffix(" (Volume Label Entry)") { continue }
            listed[path] = type
        }
        return listed
    }

    /// `icat`'s bytes of the file at metadata address `inode`.
    public static func icat(_ image: URL, offset: UInt64, inode: UInt64) throws -> Data {
        try sleuthKit("icat", ["-o", String(offset / 512), image.path, String(inode)])
    }
}

/// A fixture could not be prepared.
public struct FixtureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

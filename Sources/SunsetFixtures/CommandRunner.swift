import Foundation

/// Runs the built `sunset` binary the way a user does, for end-to-end tests.
public struct CommandRunner: Sendable {
    /// What one run printed and returned.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The binary to run.
    public let executable: URL

    public init(executable: URL) {
        self.executable = executable
    }

    /// The `sunset` binary next to the running test bundle (SwiftPM puts every product of a
    /// build in one folder), or nil when it has not been built.
    public static func built() -> CommandRunner? {
        var candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        candidates += candidates.map { $0.deletingLastPathComponent() }
        for folder in candidates {
            let url = folder.appendingPathComponent("sunset")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: url.path) {
                return CommandRunner(executable: url)
            }
        }
        return nil
    }

    /// Runs with `arguments` in `directory`, with `environment` added to (and overriding)
    /// ours, and `stdin` (or nothing) as standard input; waits for the end.
    public func run(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:],
                    stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // Every run speaks English unless it asks otherwise with --lang: a developer's own
        // locale must not change what a test sees.
        var environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANGUAGE"] { environment[name] = nil }
        environment["LANG"] = "C.UTF-8"
        process.environment = environment.merging(extra) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

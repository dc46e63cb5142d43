import Foundation
import SunsetCore

/// Tells which operating system a root's data lives on.
enum HostDetector {
    /// For a Windows volume, its kernel's version; for the running system's own root or home
    /// folder, the running system; for any other folder (a copy, an external disk, a share)
    /// no system at all: its data does not live on one Sunset can judge.
    static func host(isWindowsVolume: Bool, root: String, entries: [WalkEntry], opener: any RootFiles,
                     notes: inout [(VolumePath, String)]) -> HostOS {
        if isWindowsVolume { return WindowsHost.detect(entries: entries, opener: opener, notes: &notes) }
        return isRunningSystemPlace(root) ? runningSystem() : .none
    }

    /// True for `/` and for the home folder of the user running Sunset (the places whose data
    /// lives on the running system itself).
    static func isRunningSystemPlace(_ root: String) -> Bool {
        let standard = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        let path = standard(root)
        if path == "/" { return true }
        let homes = [ProcessInfo.processInfo.environment["HOME"], NSHomeDirectory()].compactMap { $0 }.filter { !$0.isEmpty }
        return homes.contains { standard($0) == path }
    }

    /// The system Sunset runs on: `/etc/os-release`, noting WSL.
    static func runningSystem() -> HostOS {
        #if os(macOS)
        let version = ProcessInfo.processInfo.operatingSystemVersionString
        return HostOS(family: "macos", name: "macOS \(version)", version: version, isRunningSystem: true)
        #else
        let fields = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)).map(parseOSRelease) ?? [:]
        var name = fields["PRETTY_NAME"] ?? fields["NAME"] ?? "Linux"
        var evidence = [Evidence(signature: "host.os-release", detail: "PRETTY_NAME=\(name)", path: nil, confidence: .high)]
        if let kernel = try? String(contentsOfFile: "/proc/version", encoding: .utf8), kernel.lowercased().contains("microsoft") {
            name += " (WSL)"
            evidence.append(Evidence(signature: "host.wsl", detail: "kernel built by Microsoft for WSL", confidence: .high))
        }
        return HostOS(family: "linux", name: name, version: fields["VERSION_ID"], isRunningSystem: true, evidence: evidence)
        #endif
    }

    /// `KEY=value` lines with optional quotes.
    static func parseOSRelease(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            var value = String(line[line.index(after: equals)...])
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            fields[String(line[..<equals])] = value
        }
        return fields
    }

    static func lower(_ path: [UInt8]) -> String { String(decoding: path, as: UTF8.self).lowercased() }
}

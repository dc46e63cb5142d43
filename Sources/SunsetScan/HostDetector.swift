import Foundation
import SunsetCore

/// Tells which operating system a root's data lives on.
enum HostDetector {
    /// For a Windows volume, its kernel's version; otherwise the running system.
    static func host(isWindowsVolume: Bool, entries: [WalkEntry], opener: PathOpener,
                     notes: inout [(VolumePath, String)]) -> HostOS {
        isWindowsVolume ? WindowsHost.detect(entries: entries, opener: opener, notes: &notes) : runningSystem()
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

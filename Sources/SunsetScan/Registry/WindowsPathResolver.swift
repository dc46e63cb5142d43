import Foundation
import SunsetCore

/// Turns a Windows path that a registry hive records (`C:\Users\marie\OneDrive`,
/// `%USERPROFILE%\Documents`) into a folder under the scan root, matching names in any case as
/// NTFS does, against the folders the walk saw. Nothing is opened.
struct WindowsPathResolver {
    /// The volume's own drive letter, lower-cased (from `SystemRoot`; `c` when unknown).
    let drive: Character
    /// `SystemRoot` as the registry holds it (`C:\WINDOWS`), when known.
    let systemRoot: String?
    /// Every walked folder by its lower-cased path, mapped to its exact bytes.
    private let folders: [String: [UInt8]]

    init(entries: [WalkEntry], systemRoot: String?) {
        self.systemRoot = systemRoot
        let letter = systemRoot.flatMap { Self.driveLetter(of: $0) }
        drive = letter ?? "c"
        var folders: [String: [UInt8]] = ["": []]
        for entry in entries where entry.kind == .directory {
            guard let text = String(validating: entry.path, as: UTF8.self) else { continue }
            let key = text.lowercased()
            // Two names that differ only in case (possible on a copy): keep the same one on every run.
            if let other = folders[key], other.lexicographicallyPrecedes(entry.path) { continue }
            folders[key] = entry.path
        }
        self.folders = folders
    }

    /// The folder under the root that `recorded` names, or nil when it is on another drive,
    /// a network share, uses an unknown variable, or is not there. `profile` is the user's
    /// profile folder, for `%USERPROFILE%` and its kin.
    func folder(_ recorded: String, profile: VolumePath?) -> VolumePath? {
        guard let relative = relativePath(recorded, profile: profile) else { return nil }
        return folders[relative.lowercased()].map { VolumePath(bytes: $0) }
    }

    /// The file under the root that `recorded` names: its folder must be there (the name
    /// keeps the case the registry gives it).
    func file(_ recorded: String, profile: VolumePath?) -> VolumePath? {
        guard let relative = relativePath(recorded, profile: profile), !relative.isEmpty else { return nil }
        let path = VolumePath(relative)
        guard let folder = folders[path.parent.description.lowercased()] else { return nil }
        return VolumePath(bytes: folder + (folder.isEmpty ? [] : [UInt8(ascii: "/")]) + Array(path.lastComponentBytes))
    }

    /// The path below the volume's root (components joined by `/`), before checking it exists.
    func relativePath(_ recorded: String, profile: VolumePath?) -> String? {
        var path = expand(recorded.trimmingCharacters(in: Self.padding), profile: profile)
            .replacingOccurrences(of: "/", with: "\\")
        if path.hasPrefix("\\\\?\\") { path.removeFirst(4) }
        guard let letter = Self.driveLetter(of: path), letter == drive else { return nil }
        var parts: [Substring] = []
        for part in path.dropFirst(2).split(separator: "\\") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        guard !parts.contains(where: { $0.contains("%") }) else { return nil }
        return parts.joined(separator: "/")
    }

    /// Replaces the environment variables a profile path may hold, in any case. An unknown
    /// variable is left as it is (and the path then resolves to nothing).
    func expand(_ text: String, profile: VolumePath?) -> String {
        let system = "\(drive.uppercased()):"
        let profilePath = profile.map { "\(system)\\" + $0.description.replacingOccurrences(of: "/", with: "\\") }
        var known: [String: String] = [
            "systemdrive": system, "homedrive": system,
            "systemroot": systemRoot ?? "\(system)\\Windows", "windir": systemRoot ?? "\(system)\\Windows",
            "programfiles": "\(system)\\Program Files", "programfiles(x86)": "\(system)\\Program Files (x86)",
            "programdata": "\(system)\\ProgramData", "allusersprofile": "\(system)\\ProgramData",
            "public": "\(system)\\Users\\Public",
        ]
        if let profile, let profilePath {
            known["userprofile"] = profilePath
            known["homepath"] = String(profilePath.dropFirst(2))
            known["username"] = profile.lastComponent
            known["appdata"] = profilePath + "\\AppData\\Roaming"
            known["localappdata"] = profilePath + "\\AppData\\Local"
        }
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "%"),
              let end = rest[rest.index(after: start)...].firstIndex(of: "%") {
            let name = rest[rest.index(after: start)..<end]
            result += rest[..<start]
            result += known[name.lowercased()] ?? "%\(name)%"
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    /// What may surround a recorded path: spaces and the quotes some installers add.
    private static let padding = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\""))

    /// The lower-cased drive letter of `C:\…` or `C:`, when the path starts with one.
    static func driveLetter(of path: String) -> Character? {
        let chars = Array(path.prefix(3))
        guard chars.count >= 2, chars[0].isASCII, chars[0].isLetter, chars[1] == ":",
              chars.count == 2 || chars[2] == "\\" || chars[2] == "/" else { return nil }
        return Character(chars[0].lowercased())
    }
}

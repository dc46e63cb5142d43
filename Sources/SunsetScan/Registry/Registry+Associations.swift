import SunsetCore

/// File associations: which program opens a file type. Machine-wide in `SOFTWARE\Classes`,
/// per user in `UsrClass.dat` (the user's own `Classes`, where a per-user ProgID overrides
/// the machine's) and in the choice a user made in Explorer (`FileExts\.ext\UserChoice`).
/// Each extension is followed to its ProgID's `shell\open\command` and the program file it starts.
extension Registry {
    /// The user's choices of program, per extension, in `NTUSER.DAT`.
    static let userChoiceKey = "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\FileExts"
    /// Where a profile keeps its classes hive, below the profile folder (compared in any case).
    static let userClassesPath = "appdata/local/microsoft/windows/usrclass.dat"

    /// A classes tree: the machine's `SOFTWARE\Classes` key or the root of a `UsrClass.dat`.
    /// Its top keys are listed once, by upper-cased name: a real machine has thousands.
    struct Classes {
        let hive: Hive
        let keys: [HiveKey]
        let byName: [String: HiveKey]

        init(hive: Hive, top: HiveKey) throws(HiveError) {
            self.hive = hive
            keys = try hive.subkeys(of: top)
            byName = Dictionary(keys.map { ($0.name.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// The `shell\open\command` text of a ProgID (which may itself be a path, `Applications\x.exe`).
        func command(of progID: String) throws(HiveError) -> String? {
            let parts = progID.split(separator: "\\", maxSplits: 1)
            guard let first = parts.first, let key = byName[first.uppercased()] else { return nil }
            let rest = (parts.count > 1 ? "\(parts[1])\\" : "") + "shell\\open\\command"
            guard let command = try hive.key(rest, below: key), let text = try hive.text(command, "") else { return nil }
            return text.isEmpty ? nil : text
        }
    }

    /// The machine's classes tree, when `SOFTWARE` has one.
    static func machineClasses(_ hive: Hive) throws(HiveError) -> Classes? {
        guard let top = try hive.key("Classes") else { return nil }
        return try Classes(hive: hive, top: top)
    }

    /// Adds one association per extension key of `classes` that names a ProgID. ProgIDs are
    /// looked up in `lookup` first (the user's own classes), then in `classes` itself.
    mutating func readAssociations(_ classes: Classes, at location: Location, origin: String, user: String?,
                                   profile: VolumePath?, fallback: Classes?, resolver: WindowsPathResolver) {
        let found = attempt(location, "file associations") { () throws(HiveError) -> [FileAssociation] in
            var found: [FileAssociation] = []
            for key in classes.keys where key.name.hasPrefix(".") && key.name.count > 1 {
                guard let progID = try classes.hive.text(key, ""), !progID.isEmpty else { continue }
                found.append(try Self.association(key.name, progID: progID, in: [classes] + (fallback.map { [$0] } ?? []),
                                                  hive: location, origin: origin, user: user, profile: profile,
                                                  resolver: resolver))
            }
            return found
        }
        associations += found ?? []
    }

    /// Adds the user's Explorer choices; their ProgIDs are looked up in `classes` (the user's,
    /// then the machine's).
    mutating func readUserChoices(_ hive: Hive, at location: Location, user: String, classes: [Classes],
                                  resolver: WindowsPathResolver) {
        let found = attempt(location, "file type choices") { () throws(HiveError) -> [FileAssociation] in
            guard let parent = try hive.key(Self.userChoiceKey) else { return [] }
            var found: [FileAssociation] = []
            for key in try hive.subkeys(of: parent) where key.name.hasPrefix(".") {
                guard let choice = try hive.subkey(of: key, named: "UserChoice"),
                      let progID = try hive.text(choice, "ProgId"), !progID.isEmpty else { continue }
                found.append(try Self.association(key.name, progID: progID, in: classes, hive: location, origin: "user-choice",
                                                  user: user, profile: location.path.parent, resolver: resolver))
            }
            return found
        }
        associations += found ?? []
    }

    private static func association(_ name: String, progID: String, in classes: [Classes], hive: Location, origin: String,
                                    user: String?, profile: VolumePath?, resolver: WindowsPathResolver) throws(HiveError) -> FileAssociation {
        var command: String?
        for tree in classes {
            if let text = try tree.command(of: progID) {
                command = text
                break
            }
        }
        let executable = command.flatMap(Self.executable(inCommand:))
        let location = executable.flatMap { resolver.file($0, profile: profile) }.map { Location(root: hive.root, path: $0) }
        return FileAssociation(fileExtension: name.lowercased(), progID: progID, command: command, executable: executable,
                               executableLocation: location, hive: hive, origin: origin, user: user)
    }

    /// The program a `shell\open\command` starts: the quoted first word, or the text up to
    /// the first `.exe` (paths with spaces are often left unquoted).
    static func executable(inCommand command: String) -> String? {
        let text = command.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("\"") {
            let rest = text.dropFirst()
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        if let range = text.range(of: ".exe", options: .caseInsensitive) { return String(text[..<range.upperBound]) }
        return text.split(separator: " ").first.map(String.init)
    }

    /// `Users/<name>/AppData/Local/Microsoft/Windows/UsrClass.dat` files, by profile name.
    static func userClassHives(_ entries: [WalkEntry]) -> [String: [UInt8]] {
        let suffix = Array(("/" + userClassesPath).utf8)
        var found: [String: [UInt8]] = [:]
        for entry in entries where entry.kind == .file && entry.path.count > suffix.count
            && zip(entry.path.suffix(suffix.count), suffix).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
            let parts = VolumePath(bytes: entry.path).components
            guard parts.count == 7, profileFolders.contains(String(decoding: parts[0], as: UTF8.self).lowercased()) else { continue }
            let user = String(decoding: parts[1], as: UTF8.self)
            if let other = found[user], other.lexicographicallyPrecedes(entry.path) { continue }
            found[user] = entry.path
        }
        return found
    }
}

import Foundation
import SunsetCore

/// Installed programs: the uninstall entries that Programs and Features lists, machine-wide
/// (64-bit and, under `WOW6432Node`, 32-bit) and per user.
extension Registry {
    /// Uninstall keys of the `SOFTWARE` hive.
    static let machineUninstallKeys = [
        "Microsoft\\Windows\\CurrentVersion\\Uninstall",
        "WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall",
    ]
    /// Uninstall keys of a user's `NTUSER.DAT` (programs installed for that user alone).
    static let userUninstallKeys = machineUninstallKeys.map { "Software\\" + $0 }

    /// Adds every named uninstall entry under `keys`. A damaged entry becomes a gap and the
    /// others are still read.
    mutating func readPrograms(_ hive: Hive, at location: Location, keys: [String], user: String?,
                               resolver: WindowsPathResolver) {
        let profile = user == nil ? nil : location.path.parent
        for path in keys {
            let found = attempt(location, "uninstall entries in \(path)") { () throws(HiveError) -> ([InstalledProgram], [String]) in
                guard let parent = try hive.key(path) else { return ([], []) }
                var programs: [InstalledProgram] = []
                var problems: [String] = []
                for entry in try hive.subkeys(of: parent) {
                    do throws(HiveError) {
                        if let program = try Self.program(entry, hive: hive, at: location, user: user, profile: profile,
                                                          resolver: resolver) {
                            programs.append(program)
                        }
                    } catch {
                        if case .tooMuchWork = error { throw error }
                        problems.append("uninstall entry \(entry.path): \(error)")
                    }
                }
                return (programs, problems)
            }
            guard let (programs, problems) = found else { continue }
            self.programs += programs
            gaps += problems.map { Coverage.Gap(location: location, reason: "registry hive: \($0)") }
        }
    }

    /// One entry, when it has a `DisplayName` (entries without one are hidden parts of other programs).
    private static func program(_ entry: HiveKey, hive: Hive, at location: Location, user: String?, profile: VolumePath?,
                                resolver: WindowsPathResolver) throws(HiveError) -> InstalledProgram? {
        let values = try hive.values(of: entry)
        func text(_ name: String) throws(HiveError) -> String? {
            guard let value = values.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }),
                  let text = try hive.text(of: value)?.trimmingCharacters(in: .whitespacesAndNewlines),
                  !text.isEmpty else { return nil }
            return text
        }
        guard let name = try text("DisplayName") else { return nil }
        let installLocation = try text("InstallLocation")
        let folder = installLocation.flatMap { resolver.folder($0, profile: profile) }
        return InstalledProgram(name: name, version: try text("DisplayVersion"), publisher: try text("Publisher"),
                                installLocation: installLocation, installDate: try text("InstallDate"),
                                location: folder.map { Location(root: location.root, path: $0) },
                                hive: location, key: entry.path, user: user)
    }
}

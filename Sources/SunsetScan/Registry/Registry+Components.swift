import SunsetCore

/// Parts of Windows that have a lifecycle of their own but no uninstall entry, such as
/// Internet Explorer: the `SOFTWARE` hive records their version in a key of their own. Each
/// becomes an installed program named as the lifecycle match data expects, with the key it
/// was read from, so that it is judged like any other program.
extension Registry {
    /// A component: the name it is listed under, its key, and the values that hold its
    /// version, the most precise first (IE 10 and 11 keep `Version` at 9.x for old scripts
    /// and the real version in `svcVersion`).
    struct Component {
        var name: String
        var key: String
        var versionValues: [String]
    }

    static let components = [
        Component(name: "Internet Explorer", key: "Microsoft\\Internet Explorer", versionValues: ["svcVersion", "Version"]),
    ]

    /// Adds every component the hive records a version for.
    mutating func readComponents(_ hive: Hive, at location: Location) {
        for component in Self.components {
            let found = attempt(location, component.name) { () throws(HiveError) -> InstalledProgram? in
                guard let key = try hive.key(component.key) else { return nil }
                for name in component.versionValues {
                    if let version = try hive.text(key, name)?.trimmingCharacters(in: .whitespaces), !version.isEmpty {
                        return InstalledProgram(name: component.name, version: version, publisher: "Microsoft",
                                                hive: location, key: "\(key.path)\\\(name)")
                    }
                }
                return nil
            }
            if let program = found ?? nil { programs.append(program) }
        }
    }
}

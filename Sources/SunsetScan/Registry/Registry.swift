import Foundation
import SunsetCore

/// What a Windows volume's registry hives say — the programs installed, the Windows release,
/// the users' Documents and OneDrive folders — read once per volume right after the walk.
/// Hives are mapped read-only through the `PathOpener` (no access-time change where the
/// system allows), never written, and their transaction logs are never applied; whatever
/// cannot be read becomes a coverage gap.
struct Registry {
    /// Every uninstall entry with a name, machine-wide and per user.
    var programs: [InstalledProgram] = []
    /// The release `SOFTWARE` records, when it was read.
    var windows: WindowsVersion?
    /// The Documents and OneDrive folders the users' hives record.
    var userFolders: [UserFolder] = []
    /// The file associations of the machine and of each user.
    var associations: [FileAssociation] = []
    /// Hive files found on the volume, whether they could be read or not.
    var hivesFound = 0
    var userHivesFound = 0
    /// Hive files opened.
    var opened = 0
    var gaps: [Coverage.Gap] = []

    /// Where the machine's and the users' hives live (compared in any case).
    static let softwareHive = "windows/system32/config/software"
    static let profileFolders: Set<String> = ["users", "documents and settings"]

    /// Reads the hives of the volume whose walk gave `entries`.
    /// `shallow` holds the entries at most four folders deep, where the hives are; `entries`
    /// all of them, for translating the paths the hives record.
    static func read(entries: [WalkEntry], shallow: [WalkEntry]? = nil, opener: any RootFiles, root: Int,
                     limits: Hive.Limits = Hive.Limits()) -> Registry {
        var registry = Registry()
        let shallow = shallow ?? entries
        let software = shallow.filter {
            $0.kind == .file && $0.path.count == softwareHive.utf8.count && HostDetector.lower($0.path) == softwareHive
        }.map(\.path).min { $0.lexicographicallyPrecedes($1) }  // the same one on every run, should two differ in case
        let users = userHives(shallow)
        registry.hivesFound = (software == nil ? 0 : 1) + users.count
        registry.userHivesFound = users.count
        guard registry.hivesFound > 0 else { return registry }

        var machine: (Hive, Location)?
        if let software, let hive = registry.open(software, opener: opener, root: root, limits: limits) {
            let location = Location(root: root, path: VolumePath(bytes: software))
            machine = (hive, location)
            registry.windows = registry.attempt(location, "Windows version") { () throws(HiveError) in
                try WindowsVersion.read(hive, path: location.path)
            } ?? nil
        }
        let resolver = WindowsPathResolver(entries: entries, systemRoot: registry.windows?.systemRoot)
        var machineClasses: Classes?
        if let (hive, location) = machine {
            registry.readPrograms(hive, at: location, keys: Self.machineUninstallKeys, user: nil, resolver: resolver)
            registry.readComponents(hive, at: location)
            machineClasses = registry.attempt(location, "file associations") { () throws(HiveError) in
                try Self.machineClasses(hive)
            } ?? nil
            if let machineClasses {
                registry.readAssociations(machineClasses, at: location, origin: "machine", user: nil, profile: nil,
                                          fallback: nil, resolver: resolver)
            }
        }
        let classHives = userClassHives(entries)
        for (user, path) in users {
            guard let hive = registry.open(path, opener: opener, root: root, limits: limits) else { continue }
            let location = Location(root: root, path: VolumePath(bytes: path))
            registry.readPrograms(hive, at: location, keys: Self.userUninstallKeys, user: user, resolver: resolver)
            registry.readUserFolders(hive, at: location, user: user, resolver: resolver)
            var classes: [Classes] = []
            if let classPath = classHives[user], let classHive = registry.open(classPath, opener: opener, root: root, limits: limits),
               let own = registry.attempt(location, "user classes", { () throws(HiveError) in
                   try Classes(hive: classHive, top: try classHive.root())
               }) {
                classes.append(own)
                registry.readAssociations(own, at: Location(root: root, path: VolumePath(bytes: classPath)), origin: "user-classes",
                                          user: user, profile: location.path.parent, fallback: machineClasses, resolver: resolver)
            }
            classes += machineClasses.map { [$0] } ?? []
            registry.readUserChoices(hive, at: location, user: user, classes: classes, resolver: resolver)
        }
        registry.programs.sort()
        registry.userFolders.sort()
        registry.associations.sort()
        return registry
    }

    /// `Users/<name>/NTUSER.DAT` (or `Documents and Settings/…`) files with the profile's name.
    private static func userHives(_ entries: [WalkEntry]) -> [(user: String, path: [UInt8])] {
        let name = Array("/ntuser.dat".utf8)
        return entries.compactMap { entry -> (String, [UInt8])? in
            // A cheap test on the last bytes first: this runs over every file of the volume.
            guard entry.kind == .file, entry.path.count > name.count,
                  zip(entry.path.suffix(name.count), name).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) else { return nil }
            let parts = VolumePath(bytes: entry.path).components
            guard parts.count == 3, String(decoding: parts[2], as: UTF8.self).lowercased() == "ntuser.dat",
                  profileFolders.contains(String(decoding: parts[0], as: UTF8.self).lowercased()) else { return nil }
            return (String(decoding: parts[1], as: UTF8.self), entry.path)
        }.sorted { $0.1.lexicographicallyPrecedes($1.1) }
    }

    // MARK: - Opening and failures

    /// Maps and checks a hive; a failure or a warning becomes a gap.
    private mutating func open(_ path: [UInt8], opener: any RootFiles, root: Int, limits: Hive.Limits) -> Hive? {
        let location = Location(root: root, path: VolumePath(bytes: path))
        let data: Data
        switch opener.mapped(path) {
        case let .success(mapped):
            data = mapped
        case .failure(.empty):
            gaps.append(.init(location: location, reason: "registry hive: empty file"))
            return nil
        case let .failure(.cannotOpen(reason)):
            gaps.append(.init(location: location, reason: "registry hive: cannot open: \(reason)"))
            return nil
        }
        opened += 1
        do {
            let hive = try Hive(data: data, limits: limits)
            gaps += hive.warnings.map { .init(location: location, reason: "registry hive: \($0)") }
            return hive
        } catch {
            gaps.append(.init(location: location, reason: "registry hive: \(error)"))
            return nil
        }
    }

    /// Runs one part of the reading; an error stops that part only and becomes a gap.
    mutating func attempt<T>(_ hive: Location, _ part: String, _ body: () throws(HiveError) -> T) -> T? {
        do {
            return try body()
        } catch {
            gaps.append(.init(location: hive, reason: "registry hive: \(part): \(error)"))
            return nil
        }
    }
}

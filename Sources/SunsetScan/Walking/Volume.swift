import Foundation
import SunsetCore

/// One scan root after its walk: the entries the walk kept, what kind of volume it is, and
/// its host.
struct Volume {
    var root: ScanRoot
    var opener: any RootFiles
    /// Every folder and symbolic link, and the files the walk's `KeepRule` kept: not every
    /// file (`files(below:)` lists a folder's files again when a step needs them all).
    var entries: [WalkEntry]
    /// The folders among `entries`, kept apart because several look-ups need folders only.
    var directories: [WalkEntry]
    var coverage: Coverage
    var cloudFolders: [CloudFolder]
    /// What the volume's registry hives say (empty when it has none).
    var registry: Registry
    /// Files per extension and folder, from the walk.
    var fileTypes: ExtensionTally
    /// The walk's record of each folder, when a state file asked for them.
    var folders: [FolderRecord] = []
    /// Folders replayed from a state file rather than listed.
    var replayed = 0
    /// The walk's exclusions, which `files(below:)` applies too.
    var excludes: [Glob] = []

    /// Files with at most this many path components are all kept by a walk: Windows' own
    /// files and hives and a Linux system's `etc/os-release` are no deeper.
    static let shallowComponents = 4

    var index: Int { root.index }

    /// The root folder's own name (`/` for the system's root).
    var rootName: String {
        let name = (root.path as NSString).lastPathComponent
        return name.isEmpty ? "/" : name
    }

    /// Walks the root at `path` with `walker` and reads what kind of volume it is. With
    /// `log`, every file the volume's steps open is recorded there.
    /// `early`, when given, receives the kept files that `earlyNames` matches as the walk finds them.
    static func open(path: String, index: Int, walker: Walker, log: OpenLog? = nil,
                     early: (probes: EarlyProbes, names: GlobSet)? = nil) throws(ScanError) -> Volume {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ScanError.unreadableRoot(path, reason: "no such file or folder")
        }
        guard isFolder.boolValue else { throw ScanError.notAFolder(path) }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var opener = try PathOpener(root: absolute)
        opener.log = log
        var walker = walker
        if let early {
            let files = opener
            walker.onKept = { path in
                if early.names.contains(path) { early.probes.submit(root: index, path: path, opener: files) }
            }
        }
        let walk: Walker.Result
        do { walk = try walker.walk(root: absolute, rootIndex: index) } catch { opener.close(); throw error }
        return assemble(walk: walk, path: absolute, index: index, opener: opener, excludes: walker.excludes)
    }

    /// The volume a walk found: what kind of volume it is (Windows' own folders, host,
    /// registry hives read through `opener`), for a folder and an image's file system alike.
    static func assemble(walk: Walker.Result, path absolute: String, index: Int, opener: any RootFiles,
                         excludes: [Glob]) -> Volume {
        // Windows' own files sit at fixed, shallow places (`Users`, `Windows/System32/…`,
        // `Users/*/NTUSER.DAT`); looking for them among the shallow entries only keeps these
        // look-ups off the whole walk.
        let shallow = walk.entries.filter { Self.depth($0.path, atMost: shallowComponents) }
        let directories = walk.entries.filter { $0.kind == .directory }
        let isWindows = isWindowsVolume(shallow)
        var notes: [(VolumePath, String)] = []
        var host = HostDetector.host(isWindowsVolume: isWindows, root: absolute, entries: shallow, opener: opener, notes: &notes)
        var coverage = walk.coverage
        coverage.gaps += notes.map { Coverage.Gap(location: Location(root: index, path: $0.0), reason: $0.1) }
        var registry = Registry()
        if isWindows {
            registry = Registry.read(entries: walk.entries, shallow: shallow, opener: opener, root: index)
            host = WindowsHost.combine(host, with: registry.windows)
            coverage.gaps += registry.gaps
            coverage.candidates += registry.opened
        }
        host.evidence = host.evidence.placed(on: index)
        return Volume(
            root: ScanRoot(index: index, path: absolute, isWindowsVolume: isWindows, host: host),
            opener: opener,
            entries: walk.entries,
            directories: directories,
            coverage: coverage,
            cloudFolders: CloudFolders.outermost(CloudFolders.find(in: directories, root: index) + registry.oneDriveFolders),
            registry: registry,
            fileTypes: walk.fileTypes,
            folders: walk.folders,
            replayed: walk.replayed,
            excludes: excludes
        )
    }

    /// `Windows/System32`, `Users` or `Program Files*` at the top, in any case.
    /// True when the path has at most `limit` components.
    static func depth(_ path: [UInt8], atMost limit: Int) -> Bool {
        var slashes = 0
        for byte in path where byte == UInt8(ascii: "/") {
            slashes += 1
            if slashes >= limit { return false }
        }
        return true
    }

    static func isWindowsVolume(_ entries: [WalkEntry]) -> Bool {
        entries.contains { entry in
            guard entry.kind == .directory, entry.path.count <= 40 else { return false }
            let path = HostDetector.lower(entry.path)
            return path == "windows/system32" || path == "users" || (path.hasPrefix("program files") && !path.contains("/"))
        }
    }
}

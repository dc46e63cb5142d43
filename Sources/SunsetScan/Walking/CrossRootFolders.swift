import SunsetCore

/// Folders a Windows volume's user hives record on another drive (`D:\Documents`,
/// `D:\OneDrive - Atelier`) found on another scan root: that root is then a drive of the same
/// machine (its companies' backups on the system drive are not "off the machine"), the
/// Documents folder there counts as a place the program uses, and a OneDrive folder there
/// is a cloud folder. A recorded path that more than one root could hold links nothing.
enum CrossRootFolders {
    static func link(_ volumes: inout [Volume]) {
        for windows in volumes.indices where volumes[windows].root.isWindowsVolume {
            let ownDrive = volumes[windows].registry.windows?.systemRoot.flatMap(WindowsPathResolver.driveLetter) ?? "c"
            for index in volumes[windows].registry.userFolders.indices {
                let folder = volumes[windows].registry.userFolders[index]
                guard folder.location == nil, let drive = WindowsPathResolver.driveLetter(of: folder.recorded),
                      drive != ownDrive else { continue }
                let places = volumes.indices.filter { $0 != windows }.compactMap { other in
                    place(of: folder.recorded, drive: drive, on: volumes[other]).map { Location(root: other, path: $0) }
                }
                guard places.count == 1, let place = places.first else { continue }
                volumes[windows].registry.userFolders[index].location = place
                var other = volumes[place.root]
                if other.root.machine == nil && !other.root.isWindowsVolume {
                    other.root.machine = windows
                    if other.root.host.isNone { other.root.host = volumes[windows].root.host }
                }
                if folder.kind == .oneDrive {
                    other.cloudFolders = CloudFolders.outermost(other.cloudFolders + [CloudFolder(provider: "OneDrive", location: place)])
                }
                volumes[place.root] = other
            }
        }
    }

    /// Where on `volume` the recorded path lies, taking the root as the recorded drive's top
    /// (`D:\Documents` → `Documents`) or as the recorded folder itself (a root that is
    /// `…/Documents`).
    private static func place(of recorded: String, drive: Character, on volume: Volume) -> VolumePath? {
        let resolver = WindowsPathResolver(entries: volume.directories, systemRoot: "\(drive):\\Windows")
        if let path = resolver.folder(recorded, profile: nil), !path.bytes.isEmpty { return path }
        let name = recorded.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last.map(String.init) ?? ""
        return !name.isEmpty && name.lowercased() == volume.rootName.lowercased() && !name.hasSuffix(":") ? VolumePath("") : nil
    }
}

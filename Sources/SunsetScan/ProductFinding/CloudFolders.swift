import SunsetCore

/// Recognises cloud-sync folders by name: what lies beneath them leaves the machine.
enum CloudFolders {
    /// Folder-name globs per provider (matched case-insensitively).
    static let providers: [(name: String, globs: [Glob])] = [
        ("OneDrive", [Glob("OneDrive"), Glob("OneDrive - *")]),
        ("Dropbox", [Glob("Dropbox"), Glob("Dropbox (*)")]),
        ("Google Drive", [Glob("Google Drive"), Glob("My Drive"), Glob("GoogleDrive")]),
        ("iCloud Drive", [Glob("iCloud Drive"), Glob("iCloudDrive")]),
        ("Box", [Glob("Box"), Glob("Box Sync")]),
    ]

    /// Every folder among `entries` that is a cloud-sync folder by its name, outermost only.
    static func find(in entries: [WalkEntry], root: Int) -> [CloudFolder] {
        outermost(entries.compactMap { entry -> CloudFolder? in
            guard entry.kind == .directory else { return nil }
            let name = Array(VolumePath(bytes: entry.path).lastComponentBytes)
            guard let provider = providers.first(where: { $0.globs.contains { $0.matchesName(name) } }) else { return nil }
            return CloudFolder(provider: provider.name, location: Location(root: root, path: VolumePath(bytes: entry.path)))
        })
    }

    /// The folders sorted by place, without those inside another (or named twice).
    static func outermost(_ folders: [CloudFolder]) -> [CloudFolder] {
        var found: [CloudFolder] = []
        for folder in folders.sorted(by: { ($0.location, $0.provider) < ($1.location, $1.provider) }) {
            if found.contains(where: { $0.location.root == folder.location.root && folder.location.path.isInside($0.location.path) }) {
                continue
            }
            found.append(folder)
        }
        return found
    }

    /// The provider whose folder holds `location`, if any.
    static func provider(of location: Location, among folders: [CloudFolder]) -> String? {
        folders.first { $0.location.root == location.root && location.path.isInside($0.location.path) }?.provider
    }
}

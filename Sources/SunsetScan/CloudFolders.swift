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

    /// Every folder among `entries` that is a cloud-sync folder, outermost only.
    static func find(in entries: [WalkEntry], root: Int) -> [CloudFolder] {
        var found: [CloudFolder] = []
        let named = entries.compactMap { entry -> ([UInt8], String)? in
            guard entry.kind == .directory else { return nil }
            let name = Array(VolumePath(bytes: entry.path).lastComponentBytes)
            guard let provider = providers.first(where: { $0.globs.contains { $0.matchesName(name) } }) else { return nil }
            return (entry.path, provider.name)
        }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        for (folder, provider) in named {
            let location = Location(root: root, path: VolumePath(bytes: folder))
            if found.contains(where: { location.path.isInside($0.location.path) }) { continue }
            found.append(CloudFolder(provider: provider, location: location))
        }
        return found
    }

    /// The provider whose folder holds `location`, if any.
    static func provider(of location: Location, among folders: [CloudFolder]) -> String? {
        folders.first { $0.location.root == location.root && location.path.isInside($0.location.path) }?.provider
    }
}

import SunsetCore

/// The folders a user's hive records: Documents (moved or not) and each OneDrive account's folder.
extension Registry {
    /// Where Explorer keeps the user's folders: the authoritative key (paths with variables
    /// such as `%USERPROFILE%`) first, then the older expanded copy.
    static let shellFolderKeys = [
        "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders",
        "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders",
    ]
    /// The Documents folder's value names: the classic one, then its known-folder id.
    static let documentsValues = ["Personal", "{F42EE2D3-909F-4907-8871-4C22FC0BF756}"]
    /// One subkey per OneDrive account, each with a `UserFolder` value.
    static let oneDriveAccounts = "Software\\Microsoft\\OneDrive\\Accounts"

    /// Adds the user's Documents folder (the first value found) and OneDrive folders.
    mutating func readUserFolders(_ hive: Hive, at location: Location, user: String, resolver: WindowsPathResolver) {
        let profile = location.path.parent
        func folder(_ kind: UserFolder.Kind, _ recorded: String, key: String) -> UserFolder {
            UserFolder(user: user, kind: kind, recorded: recorded,
                       location: resolver.folder(recorded, profile: profile).map { Location(root: location.root, path: $0) },
                       hive: location, key: key)
        }
        let documents = attempt(location, "Documents folder") { () throws(HiveError) -> UserFolder? in
            for path in Self.shellFolderKeys {
                guard let key = try hive.key(path) else { continue }
                for name in Self.documentsValues {
                    if let recorded = try hive.text(key, name), !recorded.isEmpty {
                        return folder(.documents, recorded, key: "\(key.path)\\\(name)")
                    }
                }
            }
            return nil
        }
        if let documents = documents ?? nil { userFolders.append(documents) }

        let accounts = attempt(location, "OneDrive accounts") { () throws(HiveError) -> [UserFolder] in
            guard let accounts = try hive.key(Self.oneDriveAccounts) else { return [] }
            var found: [UserFolder] = []
            for account in try hive.subkeys(of: accounts) {
                if let recorded = try hive.text(account, "UserFolder"), !recorded.isEmpty {
                    found.append(folder(.oneDrive, recorded, key: "\(account.path)\\UserFolder"))
                }
            }
            return found
        }
        userFolders += accounts ?? []
    }

    /// The OneDrive folders that lie under the root, as cloud folders.
    var oneDriveFolders: [CloudFolder] {
        userFolders.compactMap { folder in
            guard folder.kind == .oneDrive, let location = folder.location else { return nil }
            return CloudFolder(provider: "OneDrive", location: location)
        }
    }

    /// The Documents folders that lie under the root, with the record that names each.
    var documentsFolders: [UserFolder] {
        userFolders.filter { $0.kind == .documents && $0.location != nil }
    }
}

import Glibc
import SunsetCore

/// The files a rescue puts in the bag: the plan's sources expanded into single files (folders
/// walked; symbolic links and special files left out and noted), each with its name in the bag.
struct BagContents {
    /// One regular file to be in the bag.
    struct File {
        var key: BagRecord.SourceKey
        var payload: String
        var roles: Set<RescuePlan.Role>
        var companies: Set<String>
        var notes: Set<String>
        var size: UInt64
        var modified: FileTime
    }

    /// Something found in a planned place that is not copied, and why.
    struct Skipped: Hashable, Comparable {
        var place: String
        var reason: String
        var companies: [String]

        static func < (lhs: Skipped, rhs: Skipped) -> Bool { (lhs.place, lhs.reason) < (rhs.place, rhs.reason) }
    }

    /// Sorted by payload path.
    var files: [File] = []
    var skipped: [Skipped] = []

    /// Expands `plan`; names already given by `earlier` runs are kept, so a resumed bag stays the same.
    init(plan: RescuePlan, trees: [SourceTree], labels: [String], earlier: BagRecord?) {
        var found: [BagRecord.SourceKey: File] = [:]
        var skipped = Set<Skipped>()
        for source in plan.sources {
            let tree = trees[source.location.root]
            let place = { (path: VolumePath) in Self.place(path, root: plan.roots[source.location.root].path) }
            let add = { (path: VolumePath, info: stat) in
                let key = BagRecord.SourceKey(root: source.location.root, path: path)
                var file = found[key] ?? File(key: key, payload: "", roles: [], companies: [], notes: [],
                                              size: UInt64(info.st_size), modified: FileTime(info.st_mtim))
                file.roles.insert(source.role)
                file.companies.formUnion(source.companies)
                if let note = source.note { file.notes.insert(note) }
                found[key] = file
            }
            if source.isFolder {
                Self.walk(source.location.path, tree: tree) { path, outcome in
                    switch outcome {
                    case let .success(info): add(path, info)
                    case let .failure(reason):
                        skipped.insert(Skipped(place: place(path), reason: reason.description, companies: source.companies))
                    }
                }
            } else {
                switch tree.status(source.location.path) {
                case let .success(info) where info.st_mode & S_IFMT == S_IFREG: add(source.location.path, info)
                case .success: skipped.insert(Skipped(place: place(source.location.path), reason: "not a regular file",
                                                      companies: source.companies))
                case let .failure(error): skipped.insert(Skipped(place: place(source.location.path),
                                                                 reason: "cannot be read: \(error)", companies: source.companies))
                }
            }
        }
        self.skipped = skipped.sorted()
        name(Array(found.values), labels: labels, roots: plan.roots.map(\.path), earlier: earlier)
    }

    /// A place for people: the root's path and the relative path.
    static func place(_ path: VolumePath, root: String) -> String {
        path.bytes.isEmpty ? root : (root == "/" ? "" : root) + "/" + path.description
    }

    // MARK: - Walking

    /// Every regular file below `folder` (as its status), and every other entry as a reason.
    private static func walk(_ folder: VolumePath, tree: SourceTree,
                             _ visit: (VolumePath, Result<stat, Reason>) -> Void) {
        var pending = [folder]
        while let current = pending.popLast() {
            switch tree.list(current) {
            case let .failure(error):
                visit(current, .failure(Reason("folder cannot be read: \(error)")))
            case let .success(entries):
                for entry in entries {
                    let path = current.appending(entry.name)
                    switch entry.kind {
                    case .folder: pending.append(path)
                    case .symlink: visit(path, .failure(Reason("symbolic link, not followed")))
                    case .special: visit(path, .failure(Reason("not a regular file")))
                    case .file:
                        switch tree.status(path) {
                        case let .success(info): visit(path, .success(info))
                        case let .failure(error): visit(path, .failure(Reason("cannot be read: \(error)")))
                        }
                    }
                }
            }
        }
    }

    /// Why an entry is not copied.
    struct Reason: Error, CustomStringConvertible {
        var description: String
        init(_ text: String) { description = text }
    }

    // MARK: - Naming

    private mutating func name(_ unnamed: [File], labels: [String], roots: [String], earlier: BagRecord?) {
        var taken = Set<String>()
        var folders = Set<String>()
        var earlierNames: [BagRecord.SourceKey: String] = [:]
        for entry in earlier?.files ?? [] {
            // A readable copy shares its original's source: its name is taken, never given to a source.
            if !entry.isDerived { earlierNames[entry.key] = entry.payload }
            Self.reserve(entry.payload, taken: &taken, folders: &folders)
        }
        let sorted = unnamed.sorted { ($0.key.root, $0.key.path) < ($1.key.root, $1.key.path) }
        for var file in sorted {
            if let name = earlierNames[file.key] {
                file.payload = name
            } else {
                let wanted = BagIt.payloadFolder + "/" + PayloadName.path(file.key.path, label: labels[file.key.root])
                let ancestors = Self.ancestors(of: wanted)
                if ancestors.contains(where: { taken.contains($0) }) {
                    skipped.append(Skipped(place: Self.place(file.key.path, root: roots[file.key.root]),
                                           reason: "its name in the bag clashes with another file's",
                                           companies: file.companies.sorted()))
                    continue
                }
                file.payload = PayloadName.unique(wanted, among: taken.union(folders))
                Self.reserve(file.payload, taken: &taken, folders: &folders)
            }
            files.append(file)
        }
        files.sort { $0.payload.utf8.lexicographicallyPrecedes($1.payload.utf8) }
        skipped.sort()
    }

    private static func reserve(_ payload: String, taken: inout Set<String>, folders: inout Set<String>) {
        taken.insert(payload)
        folders.formUnion(ancestors(of: payload))
    }

    /// `data/a/b/c` → `data/a`, `data/a/b` (the folders a file needs, below `data`).
    static func ancestors(of payload: String) -> [String] {
        let parts = payload.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 2 else { return [] }
        return (2..<parts.count).map { parts[0..<$0].joined(separator: "/") }
    }
}

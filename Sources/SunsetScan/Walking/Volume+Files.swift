import SunsetCore

/// Listing a few folders' files again after the walk, for the steps that need every file of
/// a small part of the volume (a company's folder, a bag's payload) when the walk kept only
/// the candidates. The same rules as the walk: no link followed, nothing but names read, the
/// same exclusions; a folder that cannot be listed now was already a gap of the walk (or
/// has just vanished) and gives nothing.
extension Volume {
    /// Every file, symbolic link and special file directly in `folder` or in any folder below
    /// it that the walk saw, sorted by path.
    func files(below folder: [UInt8]) -> [WalkEntry] {
        var found: [WalkEntry] = []
        for listed in folders(below: [folder]) { found += files(in: listed) }
        return found.sorted { $0.path.lexicographicallyPrecedes($1.path) }
    }

    /// `folders` and the walked folders below any of them, each once.
    func folders(below tops: [[UInt8]]) -> [[UInt8]] {
        guard !tops.isEmpty else { return [] }
        if tops.contains(where: \.isEmpty) { return [[]] + directories.map(\.path) }
        let prefixes = tops.map { $0 + [UInt8(ascii: "/")] }
        var seen = Set(tops)
        var result = Array(seen)
        for entry in directories where !seen.contains(entry.path) && prefixes.contains(where: { entry.path.starts(with: $0) }) {
            seen.insert(entry.path)
            result.append(entry.path)
        }
        return result
    }

    /// The non-folder entries directly in one folder.
    func files(in folder: [UInt8]) -> [WalkEntry] {
        opener.files(in: folder, excludes: excludes)
    }
}

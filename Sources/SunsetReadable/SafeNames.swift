import Foundation

/// Names made safe only where the file system or Excel demands it, and kept unique: a name
/// that needs no change keeps it exactly (any language, spaces, accents).
struct SafeNames {
    private var taken: Set<String> = []

    /// Names already used (e.g. the other copies' files), compared without case so that copies
    /// moved to a case-insensitive disk (exFAT, NTFS, APFS) do not collide.
    init(reserved: [String] = []) {
        taken = Set(reserved.map { $0.lowercased() })
    }

    /// A file name for `name` with `suffix` (".csv"): `/` and NUL replaced, `.`/`..` and a
    /// leading dot avoided, cut to 240 bytes (room for the temporary name), and `-2`, `-3` … when taken.
    mutating func fileName(for name: String, suffix: String) -> String {
        var base = String(name.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
        if base.isEmpty || base.hasPrefix(".") { base = "_" + base }
        return unique(base, suffix: suffix, limit: { $0.utf8.count <= 240 })
    }

    /// A worksheet name: at most 31 characters (UTF-16 units, as Excel counts), none of `[]:*?/\`, no apostrophe at either end,
    /// not Excel's reserved "History", unique without case.
    /// `suffix` (" (2)") marks a table's continuation sheet and is never cut.
    mutating func sheetName(for name: String, suffix: String = "") -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var base = String(name.map { forbidden.contains($0) ? "_" : $0 })
        if base.hasPrefix("'") { base = "_" + base.dropFirst() }
        if base.hasSuffix("'") { base = base.dropLast() + "_" }
        if base.isEmpty || base.lowercased() == "history" { base = "_" + base }
        return unique(base, suffix: suffix, limit: { $0.utf16.count <= 31 })
    }

    /// A table name in the SQLite copy: kept as it is, only made unique without case (an
    /// empty name becomes "_").
    mutating func tableName(for name: String) -> String {
        unique(name.isEmpty ? "_" : name, suffix: "", limit: { _ in true })
    }

    /// `base + suffix` cut to fit `limit`, or with "-2", "-3" … before the suffix when taken.
    private mutating func unique(_ base: String, suffix: String, limit: (String) -> Bool) -> String {
        var counter = 1
        while true {
            let tail = (counter == 1 ? "" : "-\(counter)") + suffix
            var stem = base
            while !stem.isEmpty && !limit(stem + tail) { stem.removeLast() }
            let candidate = stem + tail
            if !taken.contains(candidate.lowercased()) {
                taken.insert(candidate.lowercased())
                return candidate
            }
            counter += 1
        }
    }
}

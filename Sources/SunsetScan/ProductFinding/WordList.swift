/// A pack's words (backup words, list words, product markers), folded once, found in names.
struct WordList: Sendable {
    /// Where a word may start in a name.
    enum Anchor: Sendable {
        /// Only at the start of a word: `kunde` finds "Kundenliste" but `item` never "systems".
        case wordStart
        /// Anywhere for a one-word entry (compounds: `sicherung` finds "Datensicherung"); an entry
        /// of several words (`copia de seguridad`, `back-up`) still starts at a word.
        case anywhere
    }

    private let entries: [(written: String, folded: String, oneWord: Bool)]
    let anchor: Anchor

    init(_ words: [String], anchor: Anchor) {
        self.anchor = anchor
        entries = words.compactMap { word in
            let folded = FoldedName(word).words.map(\.folded)
            return folded.isEmpty ? nil : (word, folded.joined(separator: " "), folded.count == 1)
        }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// The first entry (as the pack writes it) that the name holds.
    func first(in name: FoldedName) -> String? {
        entries.first { entry in
            anchor == .anywhere && entry.oneWord ? name.spaced.contains(entry.folded) : name.spaced.contains(" " + entry.folded)
        }?.written
    }

    /// The indices of the name's words that an entry covers (each entry wherever it occurs):
    /// what is left once they are taken out is the rest of the name.
    func covered(in name: FoldedName) -> Set<Int> {
        var covered = Set<Int>()
        let words = name.words.map(\.folded)
        for entry in entries {
            let parts = entry.folded.split(separator: " ").map(String.init)
            guard parts.count <= words.count else { continue }
            for start in 0...(words.count - parts.count) {
                let hit = parts.indices.allSatisfy { offset in
                    let word = words[start + offset]
                    if parts.count == 1 { return anchor == .anywhere ? word.contains(parts[0]) : word.hasPrefix(parts[0]) }
                    return offset == parts.count - 1 ? word.hasPrefix(parts[offset]) : word == parts[offset]
                }
                if hit { covered.formUnion(start..<(start + parts.count)) }
            }
        }
        return covered
    }
}

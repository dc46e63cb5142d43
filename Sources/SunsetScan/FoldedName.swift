import Foundation

/// A file name (or a header cell) cut into words and folded once, so that a pack's words in any
/// language match it whatever its case and accents: "CÓPIA DE SEGURANÇA 2019.zip" reads
/// `copia de seguranca 2019 zip`. Words end at anything that is neither a letter nor a digit,
/// between letters and digits (`Kunden2024`) and where a lower-case letter meets an upper-case
/// one (`ClientList`), so that a word can be found as a word and not inside another one.
struct FoldedName {
    /// One word: the text as written and its folded form.
    struct Word {
        var original: Substring
        var folded: String
    }

    let words: [Word]
    /// The folded words joined by single spaces, with a space at each end (` copia de seguranca `),
    /// so that a word's start is always preceded by a space.
    let spaced: String

    init(_ text: String) {
        words = Self.split(text).map { Word(original: $0, folded: Self.fold($0)) }
        spaced = " " + words.map(\.folded).joined(separator: " ") + " "
    }

    /// Lower case, no diacritics (NFC or NFD alike): how every word is compared.
    static func fold<S: StringProtocol>(_ text: S) -> String {
        String(text).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// The words of a text, as written.
    static func split(_ text: String) -> [Substring] {
        enum Class { case letter, digit, other }
        var words: [Substring] = []
        var start: String.Index?
        var previous = Class.other
        var previousLower = false
        for index in text.indices {
            let character = text[index]
            let kind: Class = character.isLetter ? .letter : character.isNumber ? .digit : .other
            let breaks = kind != previous || (kind == .letter && previousLower && character.isUppercase)
            if breaks, let begun = start {
                words.append(text[begun..<index])
                start = nil
            }
            if kind != .other && start == nil { start = index }
            previous = kind
            previousLower = character.isLowercase
        }
        if let begun = start { words.append(text[begun...]) }
        return words
    }
}

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

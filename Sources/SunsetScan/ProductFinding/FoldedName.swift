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

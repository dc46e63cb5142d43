import Foundation
import SunsetCore

/// Archives that carry the product's name ("Invoice2go backup Boucherie Roux.zip"): the user
/// made them for the product, so data files in them belong to a company of the product even
/// when the entries do not follow the product's own layout. Data files under a top-level
/// folder belong to the company that folder names; data files at the archive's top, to the
/// company the archive's own name names once the product, backup words and dates are taken out.
extension ProductFinder {
    /// A data file an archive holds, and the company it shows.
    struct NamedEntry {
        var company: String
        /// The entry that shows it.
        var entry: String
        /// The top-level folder it lies under; nil for entries at the archive's top.
        var folder: String?
    }

    /// The pack's product word that an archive's own name carries, if any.
    func productWord(in name: FoldedName) -> String? { markerWords.first(in: name) }

    /// The companies a product-named archive shows through its data entries (`dataEntries`:
    /// entries told to be data files by content), by the rule above; empty when its entries
    /// lie neither under a folder with a meaningful name nor at a top that the archive's name names.
    func companiesInNamedArchive(_ archiveName: String, dataEntries: [String]) -> [NamedEntry] {
        let parts = dataEntries.map { entry in (entry, entry.split(separator: "/", omittingEmptySubsequences: true)) }
        if let top = parts.first(where: { $0.1.count == 1 }),
           let name = companyNameLeft(in: (archiveName as NSString).deletingPathExtension) {
            return [NamedEntry(company: name, entry: top.0, folder: nil)]
        }
        var found: [NamedEntry] = []
        for (entry, components) in parts where components.count >= 2 {
            let folder = String(components[0])
            guard !found.contains(where: { $0.folder == folder }), let name = companyNameLeft(in: folder) else { continue }
            found.append(NamedEntry(company: name, entry: entry, folder: folder))
        }
        return found
    }

    /// The part of a name that names a company: what is left once the product's name and markers,
    /// the pack's backup words, numbers, and month or week words next to a number are taken out,
    /// with a preposition left at either end beside them ("Sauvegarde du 12 mars 2019" leaves
    /// nothing; "Invoice2go backup Boucherie Roux 2019-03" leaves "Boucherie Roux"). Nil unless
    /// at least two letters remain. The words kept are written as in the name.
    func companyNameLeft(in text: String) -> String? {
        let name = FoldedName(text)
        let words = name.words
        guard !words.isEmpty else { return nil }
        var removed = productNameWords.covered(in: name).union(backupWords.covered(in: name))
        let isNumber = { (index: Int) in words.indices.contains(index) && words[index].original.allSatisfy(\.isNumber) }
        for index in words.indices where isNumber(index)
            || (Self.dateWords.contains(words[index].folded) && (isNumber(index - 1) || isNumber(index + 1))) {
            removed.insert(index)
        }
        var kept = words.indices.filter { !removed.contains($0) }
        // Only a preposition written in lower case is a joining word: capitalised, it is more
        // likely a name's own particle ("De Vries", "Da Silva", "Von Arx") and is kept. In a
        // name written all in capitals, case tells nothing and every preposition joins.
        let caseTells = text.contains(where: \.isLowercase)
        let joins = { (index: Int) in
            Self.prepositions.contains(words[index].folded) && (!caseTells || words[index].original.allSatisfy { !$0.isUppercase })
        }
        while let first = kept.first, joins(first), first == 0 || removed.contains(first - 1) {
            kept.removeFirst()
        }
        while let last = kept.last, joins(last), last == words.count - 1 || removed.contains(last + 1) {
            kept.removeLast()
        }
        guard let first = kept.first else { return nil }
        var result = String(words[first].original)
        for (previous, index) in zip(kept, kept.dropFirst()) {
            // Words next to each other keep what separated them; a gap becomes one space.
            result += index == previous + 1 ? String(text[words[previous].original.endIndex..<words[index].original.startIndex]) : " "
            result += words[index].original
        }
        return result.filter(\.isLetter).count >= 2 ? result : nil
    }

    /// The product's own name (the pack id, `invoice2go-classic`) and its markers, as words to
    /// take out of a name.
    var productNameWords: WordList {
        WordList([signatures.product] + signatures.companyFolderMarkers, anchor: .anywhere)
    }

    /// Month names and abbreviations, and words for a week, folded, in English, French, German,
    /// Spanish, Italian, Dutch and Portuguese: part of a date when next to a number.
    static let dateWords: Set<String> = Set("""
        january february march april may june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec week wk
        janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre janv fevr avr juil semaine
        januar februar marz maerz juni juli oktober dezember mrz okt dez woche kw
        enero febrero marzo abril mayo junio julio agosto setiembre octubre noviembre diciembre ene abr ago dic semana
        gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug set ott settimana
        januari februari maart mei augustus mrt
        janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro fev out
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Prepositions that join a backup word or a date to the rest ("backup of", "sauvegarde du",
    /// "Sicherung vom", "copia de seguridad del"), folded.
    static let prepositions: Set<String> = [
        "of", "from", "for", "on", "at", "du", "de", "des", "d", "au", "vom", "von", "am", "fur", "del", "di", "da",
        "dal", "della", "do", "dos", "em", "en", "op", "per",
    ]
}

import SunsetCore

/// A language Sunset writes its reports and messages in.
public enum Language: String, CaseIterable, Codable, Sendable {
    case en, fr

    /// Whether a count takes the singular form: in English for 1 only, in French for 0 and 1
    /// ("0 jour", "1 jour", "2 jours"; negative counts by their size).
    public func takesSingular(_ count: Int) -> Bool {
        switch self {
        case .en: return count.magnitude == 1
        case .fr: return count.magnitude <= 1
        }
    }

    /// A day as a sentence in the language holds it: ISO 8601 in English (as the reports have
    /// always written it there), "1er janvier 2020" / "28 novembre 2026" in French.
    public func sentenceDate(_ day: CalendarDay) -> String {
        switch self {
        case .en: return day.description
        case .fr:
            let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                          "novembre", "décembre"]
            return "\(day.day == 1 ? "1er" : String(day.day)) \(months[day.month - 1]) \(day.year)"
        }
    }
}

/// A text given in every supported language (packs must give all of them).
public struct LocalizedText: Hashable, Sendable {
    public var texts: [Language: String]

    /// A text from its translations.
    public init(_ texts: [Language: String]) { self.texts = texts }

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String { texts[language] ?? "" }

    /// Reads `{en: …, fr: …}`; every language is required.
    static func load(_ yaml: StrictYAML) throws -> LocalizedText {
        let fields = try yaml.fields(required: Language.allCases.map(\.rawValue))
        var texts: [Language: String] = [:]
        for language in Language.allCases { texts[language] = try fields[language.rawValue].string() }
        return LocalizedText(texts)
    }
}

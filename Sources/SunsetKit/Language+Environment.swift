import Foundation
import SunsetRules

extension Language {
    /// The report language: `--lang` when given, otherwise the language of the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (POSIX order), English when that is one
    /// Sunset does not speak (`C`, `de_DE.UTF-8` …).
    public static func chosen(_ flag: String?,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Language {
        if let flag {
            guard let language = Language(rawValue: flag.lowercased()) else {
                throw KitError.badLanguage(flag, known: Language.allCases.map(\.rawValue))
            }
            return language
        }
        guard let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty })
        else { return .en }
        let code = locale.prefix { $0.isLetter }.lowercased()
        return Language(rawValue: code) ?? .en
    }
}

extension AuditOptions {
    /// `--lang` as given, or the language the environment asks for (see `Language.chosen`).
    public static func languageCode(_ flag: String?) throws -> String {
        try Language.chosen(flag).rawValue
    }
}

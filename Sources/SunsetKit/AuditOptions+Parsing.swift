import SunsetCore
import SunsetReport
import SunsetRules

extension AuditOptions {
    /// Builds options from raw command-line values, with a clear error for each bad one.
    public static func parse(roots: [String], asOf: String?, rules: [String], excludes: [String], format: String?,
                             output: String, lang: String, templates: String?, force: Bool,
                             warnWithin: Int? = nil, waivers: String? = nil) throws -> AuditOptions {
        guard let language = Language(rawValue: lang) else {
            throw KitError.badLanguage(lang, known: Language.allCases.map(\.rawValue))
        }
        return AuditOptions(roots: roots.isEmpty ? defaultRoots() : roots, asOf: try day(asOf), rulePaths: rules,
                            excludes: excludes, formats: try formats(format), output: output, language: language,
                            templates: templates, force: force, warnWithin: try self.warnWithin(warnWithin),
                            waivers: waiversFile(waivers))
    }
}

/// Sunset's version, for `--version`.
public let version = SunsetVersion.current

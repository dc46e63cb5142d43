import SunsetCore

/// The type of a fact, checked when a pack loads.
public enum FactType: String, Sendable {
    case number, text, flag = "true/false", date
}

/// A fact's value about one subject.
public enum FactValue: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case text(String)
    case flag(Bool)
    case date(CalendarDay)

    public var type: FactType {
        switch self {
        case .number: return .number
        case .text: return .text
        case .flag: return .flag
        case .date: return .date
        }
    }

    public var description: String {
        switch self {
        case let .number(value): return String(value)
        case let .text(value): return value
        case let .flag(value): return value ? "true" : "false"
        case let .date(value): return value.description
        }
    }

    /// The value in a Mustache context.
    var templateValue: Any {
        switch self {
        case let .number(value): return value
        case let .text(value): return value
        case let .flag(value): return value
        case let .date(value): return value.description
        }
    }
}

/// The facts about one subject, by name (e.g. `company.readable-backups`).
public typealias Facts = [String: FactValue]

/// Every fact a condition may name, per scope. A fact missing from a subject's sheet is
/// "unknown": comparisons with it are false, and `exists: false` tests for it.
public enum FactCatalog {
    /// Facts every scope has. `dates` are the pack's lifecycle dates by name.
    static func common(dates: [String]) -> [String: FactType] {
        var facts: [String: FactType] = [
            "as-of": .date,
            "product.installations": .number,
            "product.companies": .number,
            "product.readable-backups": .number,
            "product.offsite-backups": .number,
        ]
        for name in dates {
            facts["date.\(name)"] = .date
            facts["days-since.\(name)"] = .number
            facts["days-until.\(name)"] = .number
        }
        return facts
    }

    /// Facts that only subjects of one scope have.
    static let scoped: [Subject.Kind: [String: FactType]] = [
        .host: [
            "host.family": .text,
            "host.name": .text,
            "host.build": .number,
            "host.running-system": .flag,
        ],
        .installation: [
            "installation.path": .text,
            "installation.version": .text,
            "installation.confidence": .text,
        ],
        .company: [
            "company.name": .text,
            "company.folder": .text,
            "company.data-files": .number,
            "company.last-change": .date,
            "company.installed-here": .flag,
            "company.readable-backups": .number,
            "company.offsite-backups": .number,
            "company.newest-backup-path": .text,
            "company.newest-backup-date": .date,
            "company.newest-backup-age-days": .number,
            "company.backup-lag-days": .number,
            "company.newest-offsite-backup-path": .text,
            "company.client-export-fresh": .flag,
            "company.product-export-fresh": .flag,
            "company.client-export-path": .text,
            "company.product-export-path": .text,
        ],
        .file: [
            "file.path": .text,
            "file.readable": .flag,
            "file.problem": .text,
            "file.companies": .text,
        ],
    ]

    /// All facts visible to conditions of `scope`.
    static func facts(for scope: Subject.Kind, dates: [String]) -> [String: FactType] {
        common(dates: dates).merging(scoped[scope] ?? [:]) { first, _ in first }
    }
}

/// The legacy database formats Sunset recognises by content, and how far it can read each.
public enum DatabaseFormat: String, Codable, CaseIterable, Sendable {
    /// Microsoft Jet 3 (Access 97): `.mdb`, `.mde`.
    case jet3 = "jet3"
    /// Microsoft Jet 4 (Access 2000–2003): `.mdb`, `.mde`.
    case jet4 = "jet4"
    /// Microsoft ACE (Access 2007 and later): `.accdb`, `.accde`.
    case ace = "ace"
    /// SQLite 3.
    case sqlite = "sqlite"
    /// dBase III or IV (`.dbf`, memo in `.dbt`).
    case dbase = "dbase"
    /// FoxPro 2.x or Visual FoxPro (`.dbf`, memo in `.fpt`).
    case foxpro = "foxpro"
    /// Paradox (`.db`, with `.px` / `.mb`): recognised and saved as bytes, not read.
    case paradox = "paradox"

    /// A name for people ("Access (Jet 4)").
    public var displayName: String {
        switch self {
        case .jet3: return "Access (Jet 3)"
        case .jet4: return "Access (Jet 4)"
        case .ace: return "Access (ACE)"
        case .sqlite: return "SQLite 3"
        case .dbase: return "dBase"
        case .foxpro: return "FoxPro"
        case .paradox: return "Paradox"
        }
    }

    /// The MIME type commonly given to the format, for a file known only by its first bytes.
    public var mime: String {
        switch self {
        case .jet3, .jet4, .ace: return "application/x-msaccess"
        case .sqlite: return "application/vnd.sqlite3"
        case .dbase, .foxpro: return "application/x-dbf"
        case .paradox: return "application/x-paradox"
        }
    }

    /// True when Sunset reads the format's tables (and so can make readable copies).
    public var isReadable: Bool { self != .paradox }
}

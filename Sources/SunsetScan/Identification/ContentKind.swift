import SunsetCore

/// What content identification says a file is, in the terms the scanner cares about.
enum ContentKind: Equatable {
    case executable
    /// A database or document a program keeps its data in.
    case data
    case archive(ArchiveFormat)
    case empty
    case other

    /// Classifies libmagic's MIME type and description. A file whose first bytes show a legacy
    /// database (`database`, from `DatabaseFormat.sniff`) is data whatever libmagic calls it.
    init(mime: String, description: String, database: DatabaseFormat? = nil) {
        let mime = mime.lowercased()
        if database != nil {
            self = .data
        } else if mime.isEmpty || mime == "application/x-empty" || mime == "inode/x-empty" {
            self = .empty
        } else if let format = ArchiveFormat(mime: mime) {
            self = .archive(format)
        } else if Self.executableMimes.contains(mime) || description.contains("executable")
                    || description.contains("Installer") {
            self = .executable
        } else if Self.programMimes.contains(mime) {
            self = .other
        } else if Self.dataMimes.contains(mime) || mime.hasPrefix("application/vnd.openxmlformats")
                    || mime.hasPrefix("application/vnd.ms-") || description.contains("Access Database")
                    || description.contains("SQLite") || description.contains("Composite Document File") {
            self = .data
        } else {
            self = .other
        }
    }

    private static let executableMimes: Set<String> = [
        "application/x-dosexec", "application/vnd.microsoft.portable-executable", "application/x-executable",
        "application/x-sharedlib", "application/x-pie-executable", "application/x-mach-binary",
        "application/x-ms-shortcut", "application/x-msi", "application/x-ms-installer", "application/x-msdownload",
    ]

    /// Files that ship with a program rather than hold a user's data: help, fonts, cursors
    /// and icons (several of them `application/vnd.ms-…`, which would otherwise read as data).
    private static let programMimes: Set<String> = [
        "application/vnd.ms-htmlhelp", "application/winhelp", "application/x-winhelp", "application/vnd.ms-fontobject",
        "application/vnd.ms-opentype", "font/ttf", "font/otf", "font/sfnt", "image/x-icon", "image/vnd.microsoft.icon",
        "application/x-navi-animation",
    ]

    /// Access/Jet, SQLite, dBase/FoxPro tables, OLE compound files, XML, PDF (sent invoices) and
    /// unidentified binary data (which is also what memo files, `.dbt` and `.fpt`, read as).
    private static let dataMimes: Set<String> = [
        "application/x-msaccess", "application/vnd.ms-access", "application/vnd.sqlite3", "application/x-sqlite3",
        "application/x-dbf",
        "application/cdfv2", "application/x-ole-storage", "application/xml", "text/xml", "application/pdf",
        "application/octet-stream", "application/msword", "application/vnd.ms-excel",
    ]
}

/// Archive formats a backup can come in.
public enum ArchiveFormat: String, Sendable, CaseIterable {
    case zip, sevenZip = "7z", rar, gzip, cab

    init?(mime: String) {
        switch mime {
        case "application/zip", "application/x-zip-compressed": self = .zip
        case "application/x-7z-compressed": self = .sevenZip
        case "application/x-rar", "application/vnd.rar", "application/x-rar-compressed": self = .rar
        case "application/gzip", "application/x-gzip": self = .gzip
        case "application/vnd.ms-cab-compressed": self = .cab
        default: return nil
        }
    }
}

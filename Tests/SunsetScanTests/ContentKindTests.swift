@testable import SunsetScan
import Testing

/// What libmagic's answers mean to the scanner: installers and the files a program ships are
/// never a company's data, whatever compound-file or `vnd.ms-` type they come in.
@Suite struct ContentKindTests {
    @Test func installersAreNeverData() {
        #expect(ContentKind(mime: "application/x-msi",
                            description: "Composite Document File V2 Document, Little Endian, MSI Installer") == .executable)
        #expect(ContentKind(mime: "application/x-ole-storage",
                            description: "Composite Document File V2 Document, Title: Installation Database, MSI Installer") == .executable)
    }

    @Test func helpFilesFontsAndIconsAreNotData() {
        for mime in ["application/vnd.ms-htmlhelp", "application/vnd.ms-fontobject", "image/vnd.microsoft.icon"] {
            #expect(ContentKind(mime: mime, description: "") == .other, "\(mime)")
        }
    }

    @Test func databasesAndCompoundDocumentsAreData() {
        #expect(ContentKind(mime: "application/x-msaccess", description: "Microsoft Access Database") == .data)
        #expect(ContentKind(mime: "application/vnd.sqlite3", description: "SQLite 3.x database") == .data)
        #expect(ContentKind(mime: "application/x-ole-storage", description: "Composite Document File V2 Document") == .data)
    }
}

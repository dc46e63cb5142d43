import Foundation
import SunsetFixtures

/// The named contents a case file can give a file, each real bytes that libmagic recognises.
public enum SampleKind: String, CaseIterable, Sendable {
    case access, sqlite, ole, xml, pdf, jpeg
    /// An MS-DOS/PE stub: a `.dll` or an installer, not a program with a version resource.
    case executable
    /// The Invoice2go program, a real PE whose version resource names it.
    case invoice2goProgram = "invoice2go-program"
    case windows10Kernel = "windows10-kernel"
    case windows11Kernel = "windows11-kernel"
    case shortcut
    case help
    case clientCSV = "client-csv"
    case productCSV = "product-csv"

    /// The bytes of this kind.
    public var data: Data {
        switch self {
        case .access: return Samples.accessDatabase()
        case .sqlite: return Samples.sqliteDatabase()
        case .ole: return Samples.oleCompoundFile()
        case .xml: return Samples.xmlDocument()
        case .pdf: return Samples.pdf()
        case .jpeg: return Samples.jpeg()
        case .executable: return Samples.executable()
        case .invoice2goProgram: return PEImages.invoice2go
        case .windows10Kernel: return PEImages.windows10Kernel
        case .windows11Kernel: return PEImages.windows11Kernel
        case .shortcut: return Samples.shortcut()
        case .help: return Samples.helpFile()
        case .clientCSV: return Data(Samples.clientCSV.utf8)
        case .productCSV: return Data(Samples.productCSV.utf8)
        }
    }
}

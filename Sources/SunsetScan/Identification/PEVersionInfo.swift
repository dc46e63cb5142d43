/// The version resource of a Windows executable (PE32 or PE32+): the fields Windows shows
/// in a file's Details tab.
public struct PEVersionInfo: Hashable, Sendable {
    public var productName: String?
    public var fileDescription: String?
    public var companyName: String?
    public var fileVersion: String?
    public var productVersion: String?
    /// The numeric file version from VS_FIXEDFILEINFO, e.g. [10, 0, 22631, 2861].
    public var fixedFileVersion: [Int]?
    /// True for PE32+ (64-bit) images.
    public var is64Bit: Bool

    /// All string fields, for signature matching.
    public var strings: [String] {
        [productName, fileDescription, companyName, fileVersion, productVersion].compactMap { $0 }
    }

    /// The best version: the fixed numeric one, else the FileVersion text.
    public var version: String? {
        fixedFileVersion.map { $0.map(String.init).joined(separator: ".") } ?? fileVersion
    }
}

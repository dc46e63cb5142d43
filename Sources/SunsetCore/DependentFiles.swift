/// The user's files that depend on one installed program: those of an extension the
/// registry associates with it, with how many the scan found, where, and which other
/// installed programs the registry also lets open them.
public struct DependentFiles: Hashable, Codable, Sendable {
    /// The extension, lower case with its dot.
    public var fileExtension: String
    /// Files of that extension under every root.
    public var files: Int
    /// The folders with most of them.
    public var folders: [FileTypeCount.Folder]
    /// Other installed programs associated with the same extension, by name.
    public var otherPrograms: [String]
    /// How the association was found.
    public var evidence: [Evidence]
    /// The files of that extension whose content is a legacy database (Access, dBase …), under
    /// every root, sorted by place; nil when there is none.
    public var databases: [DataFile]?

    public init(fileExtension: String, files: Int, folders: [FileTypeCount.Folder], otherPrograms: [String],
                evidence: [Evidence]) {
        self.fileExtension = fileExtension
        self.files = files
        self.folders = folders
        self.otherPrograms = otherPrograms
        self.evidence = evidence
    }
}

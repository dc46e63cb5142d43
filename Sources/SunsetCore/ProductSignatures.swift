/// What the scanner looks for on behalf of one product. Rule packs state these as data;
/// patterns are shell globs matched against paths relative to a scan root (`*` stays
/// within one folder, `**/` spans any number), case-insensitively.
public struct ProductSignatures: Hashable, Codable, Sendable {
    public var product: String

    /// Program folders, e.g. `Program Files*/Invoice2go*`.
    public var installFolders: [String]
    /// Program executables by name, e.g. `Invoice2go*.exe`.
    public var executables: [String]
    /// Start-menu shortcuts by name, e.g. `Invoice2go*.lnk`.
    public var shortcuts: [String]
    /// Words that an executable's version resource (ProductName, FileDescription, …) holds
    /// when it is the product's program, e.g. `Invoice2go`.
    public var versionInfo: [String]
    /// Globs on the `DisplayName` of a Windows uninstall entry (any case), e.g. `Invoice2go*`:
    /// the registry's record that the program is installed, the strongest evidence there is.
    public var registryNames: [String]

    /// Folders that are each one company, e.g. `Users/*/Documents/Invoice2go/*`.
    public var companyFolders: [String]
    /// A folder whose own name contains one of these and that holds data files is a company
    /// (custom "Install in Folder" locations); the word is removed to get the company's name.
    public var companyFolderMarkers: [String]
    /// Names (globs on one folder's own name, any case) of the folder the program keeps its
    /// companies in, e.g. `Invoice2go`. Wherever such a folder is, at any depth of any root
    /// (an old profile, a copy on a USB disk, a share), each subfolder holding data files is a
    /// company, and so is the folder itself when it holds data files directly.
    public var dataFolderNames: [String]

    /// File names (globs) that may be backups when their content is an archive.
    public var backupNames: [String]
    /// Words in a backup's file name that mark it as a backup (any case).
    public var backupWords: [String]

    /// Words in a file name or header row that mark a client list.
    public var clientListWords: [String]
    /// Words in a file name or header row that mark a product list.
    public var productListWords: [String]
    /// Words in a database table's name or column names (in an offline copy's readable copies)
    /// that mark a client list or a product list; empty means the list words above.
    public var clientTableWords: [String]
    public var productTableWords: [String]

    public init(product: String, installFolders: [String] = [], executables: [String] = [], shortcuts: [String] = [],
                versionInfo: [String] = [], registryNames: [String] = [],
                companyFolders: [String] = [], companyFolderMarkers: [String] = [], dataFolderNames: [String] = [],
                backupNames: [String] = [],
                backupWords: [String] = [], clientListWords: [String] = [], productListWords: [String] = [],
                clientTableWords: [String] = [], productTableWords: [String] = []) {
        self.product = product
        self.installFolders = installFolders
        self.executables = executables
        self.shortcuts = shortcuts
        self.versionInfo = versionInfo
        self.registryNames = registryNames
        self.companyFolders = companyFolders
        self.companyFolderMarkers = companyFolderMarkers
        self.dataFolderNames = dataFolderNames
        self.backupNames = backupNames
        self.backupWords = backupWords
        self.clientListWords = clientListWords
        self.productListWords = productListWords
        self.clientTableWords = clientTableWords
        self.productTableWords = productTableWords
    }
}

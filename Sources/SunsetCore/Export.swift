/// What list an export file holds.
public enum ExportKind: String, Codable, CaseIterable, Sendable {
    case clients, products
}

/// A client or product list exported from the program (CSV, XLS, XLSX).
public struct Export: Hashable, Codable, Sendable {
    public var product: String
    public var kind: ExportKind
    public var file: DataFile
    /// Names of the companies it is attributed to; empty when it cannot be told.
    public var companies: [String]
    public var evidence: [Evidence]

    public init(product: String, kind: ExportKind, file: DataFile, companies: [String], evidence: [Evidence]) {
        self.product = product
        self.kind = kind
        self.file = file
        self.companies = companies
        self.evidence = evidence
    }
}

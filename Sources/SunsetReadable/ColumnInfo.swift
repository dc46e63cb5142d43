/// One column of a source table: its name as the source writes it (any language, spaces and
/// accents kept) and the kind of value it holds.
public struct ColumnInfo: Hashable, Codable, Sendable {
    /// What a column holds, whatever the format calls it.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case text, integer, real, decimal, boolean, date, dateTime = "date-time", binary
        /// A type the reader knows exists but cannot decode: a gap, never silence.
        case unsupported
    }

    public var name: String
    public var kind: Kind
    /// The format's own name for the type ("MEMO", "CURRENCY", "N(10,2)"), for the index.
    public var sourceType: String

    public init(name: String, kind: Kind, sourceType: String) {
        self.name = name
        self.kind = kind
        self.sourceType = sourceType
    }
}

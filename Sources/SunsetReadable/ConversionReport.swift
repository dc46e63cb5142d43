import Foundation

/// What converting one database made, table by table, and everything it could not copy:
/// the record behind the bag's index. Sorted, so two runs on the same data compare equal.
public struct ConversionReport: Codable, Equatable, Sendable {
    /// The database as the offline copy names it.
    public var sourcePath: String
    public var format: DatabaseFormat
    /// The copies asked for.
    public var formats: [CopyFormat]
    /// Every file written, by name within the output folder.
    public var files: [String]
    /// The tables, sorted by name.
    public var tables: [Table]
    /// What went wrong for the whole database (its table list unreadable).
    public var gaps: [Gap]

    /// True when every row of every table is in every copy and nothing was left out or cut.
    public var isComplete: Bool { gaps.isEmpty && tables.allSatisfy { $0.gaps.isEmpty } }

    /// One table and its copies.
    public struct Table: Codable, Equatable, Sendable {
        public var name: String
        public var columns: [ColumnInfo]
        /// The rows the reader gave.
        public var rowsRead: Int
        /// The rows the source records it has, when it records a count.
        public var declaredRows: Int?
        /// Where the table went: a CSV file, a SQLite table, one or more worksheets.
        public var copies: [Copy]
        /// Columns not in any copy: bytes (OLE objects, pictures) and types the reader cannot decode.
        public var leftOutColumns: [String]
        /// Names changed for a file or a sheet (only those that had to change).
        public var renamed: [Renaming]
        public var gaps: [Gap]
    }

    /// One part of a copy and the rows it was proven to hold by reading it back.
    public struct Copy: Codable, Equatable, Sendable {
        public var format: CopyFormat
        /// The file, within the output folder.
        public var file: String
        /// Where in the file: the worksheet of a workbook (a table past Excel's row limit goes
        /// on in the next one), the table of the SQLite file; nil for a CSV file.
        public var part: String?
        public var rowsWritten: Int
        /// The rows found by reading the written file back; nil when it could not be read.
        public var rowsReadBack: Int?
    }

    /// A table name that had to change to become a file or sheet name.
    public struct Renaming: Codable, Equatable, Comparable, Sendable {
        public var format: CopyFormat
        public var original: String
        public var safe: String

        public static func < (lhs: Renaming, rhs: Renaming) -> Bool {
            (lhs.format, lhs.safe) < (rhs.format, rhs.safe)
        }
    }

    /// Something not copied, or not proven copied: never silence.
    public struct Gap: Codable, Equatable, Comparable, Sendable {
        public enum Kind: String, Codable, Sendable {
            /// The source stopped giving rows (a damaged page): the copies hold the rows before.
            case sourceStoppedEarly = "source-stopped-early"
            /// The table could not be read at all.
            case unreadableTable = "unreadable-table"
            /// Rows read, rows declared and rows read back from a copy disagree.
            case countMismatch = "count-mismatch"
            /// A column of a type the reader cannot decode: left out.
            case unsupportedColumn = "unsupported-column"
            /// A value longer than a copy can hold (Excel's 32,767 characters) was cut.
            case cutValue = "cut-value"
            /// A value a copy cannot hold at all (bytes in a text column) was left empty.
            case leftOutValue = "left-out-value"
            /// A written copy could not be read back.
            case unreadableCopy = "unreadable-copy"
        }

        public var kind: Kind
        public var detail: String

        public init(_ kind: Kind, _ detail: String) {
            self.kind = kind
            self.detail = detail
        }

        public static func < (lhs: Gap, rhs: Gap) -> Bool {
            (lhs.kind.rawValue, lhs.detail) < (rhs.kind.rawValue, rhs.detail)
        }
    }

    /// The report as JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Puts everything in its order: tables by name, files, gaps, renamings.
    mutating func sort() {
        files.sort()
        gaps.sort()
        tables.sort { $0.name < $1.name }
        for index in tables.indices {
            tables[index].gaps.sort()
            tables[index].renamed.sort()
            // Copies stay in the order written: by format, then sheet after sheet.
        }
    }
}

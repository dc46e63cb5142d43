import Foundation

/// `sunset-index.json`, a tag file of a bag beside `sunset-index.md`: for every database the
/// bag holds, its format, its tables and the readable copies made of them (CSV, SQLite,
/// workbook), with the rows proven in each and every gap. `rescue` writes it; an audit that
/// finds the bag reads it to learn which client and product lists are readable offline.
public struct ReadableIndex: Codable, Hashable, Sendable {
    public static let currentFormat = 1
    /// The tag file's name.
    public static let fileName = "sunset-index.json"

    public var format: Int
    /// The rescue's as-of day.
    public var asOf: CalendarDay
    /// Sorted by payload path.
    public var databases: [Database]

    public init(asOf: CalendarDay, databases: [Database]) {
        self.format = Self.currentFormat
        self.asOf = asOf
        self.databases = databases.sorted { $0.payload.utf8.lexicographicallyPrecedes($1.payload.utf8) }
    }

    /// What happened to one database.
    public enum Status: String, Codable, Sendable {
        /// Read and copied; `complete` says whether every row reached every copy.
        case converted
        /// Saved as bytes only: Sunset cannot read the format (Paradox) or was told not to.
        case notRead = "not-read"
        /// Reading it failed (or the reader crashed); the original bytes are saved.
        case failed
    }

    /// One database saved in the bag.
    public struct Database: Codable, Hashable, Sendable {
        /// The original's path in the bag (`data/…`).
        public var payload: String
        /// Companies and products it belongs to (empty when it belongs to none in particular).
        public var companies: [String]
        public var products: [String]
        /// Why it is in the bag (`company-data`, `backup`, `export`, `dependent`, …).
        public var roles: [String]
        /// The original's modification time (seconds since 1970, UTC): how new the data is.
        public var modified: Int64?
        /// SHA-256 of the original the copies were made from.
        public var sha256: String
        /// `DatabaseFormat` raw value (`jet4`, `dbase`, …) and its name for people.
        public var format: String
        public var formatName: String
        public var status: Status
        /// Why it was not read or why reading failed.
        public var reason: String?
        /// The folder beside the original holding the copies (`data/…/Firma.mdb.readable`).
        public var folder: String?
        public var tables: [Table]
        /// Gaps of the whole database (its table list unreadable, the reader crashed).
        public var gaps: [String]
        /// True when converted and every row of every table is in every copy.
        public var complete: Bool

        public init(payload: String, companies: [String], products: [String], roles: [String], modified: Int64?,
                    sha256: String, format: String, formatName: String, status: Status, reason: String?,
                    folder: String?, tables: [Table], gaps: [String], complete: Bool) {
            self.payload = payload
            self.companies = companies
            self.products = products
            self.roles = roles
            self.modified = modified
            self.sha256 = sha256
            self.format = format
            self.formatName = formatName
            self.status = status
            self.reason = reason
            self.folder = folder
            self.tables = tables
            self.gaps = gaps
            self.complete = complete
        }
    }

    /// One table and where its copies are.
    public struct Table: Codable, Hashable, Sendable {
        /// The table's name as the database has it.
        public var name: String
        /// Its column names, in order (left-out columns included).
        public var columns: [String]
        /// Rows read from the source.
        public var rows: Int
        /// The copies holding it, as bag paths, with the part (sheet, SQLite table) when any.
        public var copies: [Copy]
        /// Columns in no copy (bytes, undecodable types).
        public var leftOutColumns: [String]
        public var gaps: [String]
        /// True when every copy was read back with exactly `rows` rows and nothing was cut.
        public var complete: Bool

        public init(name: String, columns: [String], rows: Int, copies: [Copy], leftOutColumns: [String],
                    gaps: [String], complete: Bool) {
            self.name = name
            self.columns = columns
            self.rows = rows
            self.copies = copies
            self.leftOutColumns = leftOutColumns
            self.gaps = gaps
            self.complete = complete
        }
    }

    /// One part of a copy.
    public struct Copy: Codable, Hashable, Sendable {
        /// `csv`, `sqlite` or `workbook`.
        public var format: String
        /// The file, as a bag path.
        public var file: String
        /// The worksheet or SQLite table; nil for CSV.
        public var part: String?
        public var rowsReadBack: Int?

        public init(format: String, file: String, part: String?, rowsReadBack: Int?) {
            self.format = format
            self.file = file
            self.part = part
            self.rowsReadBack = rowsReadBack
        }
    }

    /// The index as sorted, indented JSON ending in a newline.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return Array(data) + [0x0A]
    }

    /// Reads an index; nil when the bytes are not one this version understands.
    public static func decode(_ data: Data) -> ReadableIndex? {
        guard let index = try? JSONDecoder().decode(ReadableIndex.self, from: data), index.format == currentFormat else {
            return nil
        }
        return index
    }
}

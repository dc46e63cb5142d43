import Foundation
import SunsetCore

/// One labelled disk layout of the detection corpus: the roots to build, the date to audit
/// it as of, and what a careful examiner expects the audit to conclude.
public struct CorpusCase: Sendable {
    /// The case file's name without `.yaml`.
    public var name: String
    public var file: String
    public var description: String
    public var asOf: CalendarDay
    /// The pack whose findings and checklist are scored.
    public var pack: String
    public var roots: [Root]
    public var expected: ExpectedResults

    /// One scan root: a folder named `name` (its label) holding these files and folders.
    public struct Root: Sendable {
        public var name: String
        public var files: [File]
        /// Folders to create even when empty (`Windows/System32`).
        public var folders: [String]
    }

    /// One file of a root, its contents and its age.
    public struct File: Sendable {
        public var path: String
        public var content: Content
        /// Modification time: this many days before the as-of date, at noon UTC.
        public var daysAgo: Int
        /// Keep only the first half of the bytes (a backup cut short).
        public var truncated: Bool
    }

    /// What a file holds.
    public indirect enum Content: Sendable {
        case sample(SampleKind)
        case text(String)
        /// The bytes of a file next to the case file (a registry hive fixture).
        case copy(URL)
        case zip([Entry])
    }

    /// One entry of a zip archive.
    public struct Entry: Sendable {
        public var name: String
        public var content: Content
        /// The entry's own time; nil means the archive's.
        public var daysAgo: Int?
    }
}

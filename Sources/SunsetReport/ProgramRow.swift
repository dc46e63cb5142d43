/// One installed program in the reports' Programs section: every value a ready string.
struct ProgramRow {
    var name: String
    /// True for a host's operating system, listed above the programs.
    var isSystem: Bool
    var version: String
    var cycle: String
    /// Its support status with the dates, in words.
    var status: String
    /// `ended`, `ending`, `supported` or `unknown`, for styling.
    var level: String
    /// One line per file type it opens, with the counts and folders.
    var data: [String]
    var hasData: Bool
    var source: String
}

/// One installed program in the reports' Programs section: every value a ready string.
struct ProgramRow {
    var name: String
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

/// The Programs section: the heading and column labels, the judged programs (end-of-life
/// first) and the names of those lifecycle data does not know.
struct ProgramsSection {
    var heading: String
    var intro: String
    var nameHeader: String
    var versionHeader: String
    var cycleHeader: String
    var statusHeader: String
    var dataHeader: String
    var rows: [ProgramRow]
    var hasRows: Bool
    var unknown: String?
    var source: String?
}

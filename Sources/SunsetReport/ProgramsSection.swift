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

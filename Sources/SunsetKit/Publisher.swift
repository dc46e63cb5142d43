import Foundation
import SunsetReport

/// Renders the asked formats and writes them: into the output folder (each file atomically,
/// through `ReportWriter`), or the one format to standard output when the output is "-".
/// Everything is rendered before anything is written, so a failing template leaves no half set.
enum Publisher {
    /// What was produced.
    struct Published {
        var written: [String]
        var stdout: Data?
    }

    static func publish(_ input: ReportInput, formats: [Format], templates: TemplateSet, output: String,
                        force: Bool) throws -> Published {
        if output == "-" && formats.count != 1 { throw KitError.stdoutNeedsOneFormat }
        let rendered = try formats.map { ($0, try $0.reporter(templates: templates).render(input)) }
        if output == "-" { return Published(written: [], stdout: rendered[0].1) }
        let writer = try ReportWriter(folder: output, roots: input.results.inventory.roots.map(\.path), force: force)
        return Published(written: try rendered.map { try writer.write($1, named: $0.fileName) }, stdout: nil)
    }
}

import Foundation
import SunsetFixtures

/// mdbtools' command-line programs, the independent judge of the files `JetWriter` makes.
/// Missing programs fail the tests (CI installs the `mdbtools` package).
enum MDBToolsCLI {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `program` (mdb-tables, mdb-count, mdb-export…) and returns its standard output;
    /// throws when it fails or writes anything to standard error.
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        guard let url = ["/usr/bin", "/usr/local/bin", "/bin"].lazy
            .map({ URL(fileURLWithPath: $0).appendingPathComponent(program) })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "\(program) is not installed (apt-get install mdbtools)")
        }
        let result = try CommandRunner(executable: url).run(arguments)
        guard result.status == 0, result.stderr.isEmpty else {
            throw Failure(description: "\(program) \(arguments.joined(separator: " ")): status \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// The user tables `mdb-tables` lists, one per line.
    static func tables(_ url: URL) throws -> [String] {
        try run("mdb-tables", ["-1", url.path]).split(separator: "\n").map(String.init)
    }

    /// The row count `mdb-count` reports.
    static func count(_ url: URL, _ table: String) throws -> Int? {
        Int(try run("mdb-count", [url.path, table]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `mdb-export`'s CSV without its header line: dates as ISO days and times, binary
    /// values (OLE) in hexadecimal.
    static func export(_ url: URL, _ table: String) throws -> String {
        try run("mdb-export", ["-H", "-b", "hex", "-D", "%Y-%m-%d", "-T", "%Y-%m-%d %H:%M:%S", url.path, table])
    }
}

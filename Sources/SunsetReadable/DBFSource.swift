import Foundation

/// A dBase or FoxPro table opened for reading: a `.dbf` file and the memo file beside it
/// (`.dbt` or `.fpt`, found whatever the case of its name). Nothing is ever written.
public struct DBFSource: DatabaseSource {
    public let format: DatabaseFormat
    /// The one table a `.dbf` file holds.
    public let table: DBFTable

    /// Opens the table at `url` (read-only, `O_NOFOLLOW`) and looks beside it for its memo file
    /// when a field needs one. A missing or unreadable memo file leaves the memo columns
    /// unsupported, with the reason in `table.notes`; the other columns are still read.
    public init(url: URL) throws {
        let bytes = try DBFBytes(path: url.path)
        let header = try DBFHeader.read(bytes, path: url.path)
        let name = url.deletingPathExtension().lastPathComponent
        var memo: DBFMemoFile?
        var problem: String?
        if header.fields.contains(where: { $0.isMemo(visualFoxPro: header.isVisualFoxPro) }) {
            let extensions = header.format == .foxpro ? ["fpt", "dbt"] : ["dbt", "fpt"]
            if let found = Self.memoFile(beside: url, extensions: extensions) {
                do {
                    let memoBytes = try DBFBytes(path: found.path)
                    memo = DBFMemoFile(bytes: memoBytes, name: found.lastPathComponent,
                                       isFPT: found.pathExtension.lowercased() == "fpt", tableVersion: header.version)
                } catch {
                    problem = "its memo file \(found.lastPathComponent) cannot be read (\(error.localizedDescription))"
                }
            } else {
                problem = "no memo file (\(name).\(extensions[0]) or .\(extensions[1])) beside \(url.lastPathComponent)"
            }
        }
        format = header.format
        table = DBFTable(name: name, header: header, bytes: bytes, memo: memo, memoProblem: problem)
    }

    /// Reads a table held in memory (tests and the fuzzer); `memo` is the memo file's bytes, an
    /// `.fpt` when `memoIsFPT`, else a `.dbt`.
    public init(name: String, table tableBytes: [UInt8], memo memoBytes: [UInt8]?, memoIsFPT: Bool) throws {
        let bytes = DBFBytes(memory: tableBytes)
        let header = try DBFHeader.read(bytes, path: name)
        let memo = memoBytes.map {
            DBFMemoFile(bytes: DBFBytes(memory: $0), name: memoIsFPT ? "\(name).fpt" : "\(name).dbt",
                        isFPT: memoIsFPT, tableVersion: header.version)
        }
        format = header.format
        table = DBFTable(name: name, header: header, bytes: bytes, memo: memo,
                         memoProblem: memoBytes == nil ? "no memo file was given" : nil)
    }

    public func tables() throws -> [TableSource] { [table] }

    /// The file beside `table` named like it with one of `extensions`, in any mix of case
    /// (`CLIENTS.DBF` and `clients.fpt`); the first extension that matches wins.
    static func memoFile(beside table: URL, extensions: [String]) -> URL? {
        let folder = table.deletingLastPathComponent()
        let base = table.deletingPathExtension().lastPathComponent.lowercased()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for wanted in extensions {
            if let match = names.sorted().first(where: { $0.lowercased() == "\(base).\(wanted)" }) {
                return folder.appendingPathComponent(match)
            }
        }
        return nil
    }
}

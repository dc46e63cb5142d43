import Foundation
import SunsetFixtures
@testable import SunsetReadable

/// Runs a tool from PATH (sqlite3, python3) and returns its standard output; throws on failure.
func tool(_ arguments: [String], stdin: String? = nil) throws -> String {
    let result = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env"))
        .run(arguments, stdin: stdin.map { Data($0.utf8) })
    guard result.status == 0 else {
        throw ToolFailure(description: "\(arguments.prefix(2).joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
    }
    return result.stdout
}

struct ToolFailure: Error, CustomStringConvertible {
    var description: String
}

/// A database made by the sqlite3 shell from `sql`, in a fresh temporary folder.
func sqliteDatabase(_ name: String, sql: String) throws -> (folder: VolumeBuilder, path: String) {
    let folder = try VolumeBuilder.temporary(name)
    let path = folder.url("\(name).sqlite").path
    _ = try tool(["sqlite3", path], stdin: sql)
    return (folder, path)
}

/// Plays a table: rows given in memory, and optionally a damaged file that throws after
/// `failAfter` rows (as a reader does at a broken page).
struct StubTable: TableSource {
    var name: String
    var columns: [ColumnInfo]
    var rows: [[Cell]]
    var declaredRowCount: Int?
    var failAfter: Int?

    func forEachRow(_ body: ([Cell]) throws -> Void) throws {
        for (index, row) in rows.enumerated() {
            if index == failAfter { throw ReadableError.damaged(table: name, reason: "page 7 is not a data page") }
            try body(row)
        }
    }
}

/// A database of stub tables.
struct StubDatabase: DatabaseSource {
    var format = DatabaseFormat.dbase
    var stubs: [StubTable]

    func tables() throws -> [TableSource] { stubs }
}

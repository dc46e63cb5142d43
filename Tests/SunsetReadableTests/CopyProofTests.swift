import Foundation
import SunsetFixtures
import Testing
@testable import SunsetReadable

/// The proof itself can fail: a copy changed after writing is caught by reading it back.
@Suite struct CopyProofTests {
    static func converted(_ name: String) throws -> (VolumeBuilder, OutputFolder, ConversionReport) {
        let folder = try VolumeBuilder.temporary(name)
        let columns = [ColumnInfo(name: "Nr", kind: .integer, sourceType: "INTEGER")]
        let database = StubDatabase(stubs: [StubTable(name: "T", columns: columns, rows: (0..<4).map { [.integer(Int64($0))] })])
        let report = try Conversion.convert(database, sourcePath: "t.db", to: folder.url("out"), formats: Set(CopyFormat.allCases))
        return (folder, try OutputFolder(folder.url("out")), report)
    }

    @Test func aRowAddedToTheCSVIsAMismatch() throws {
        let (folder, output, report) = try Self.converted("proof-csv")
        defer { folder.remove() }
        let handle = try FileHandle(forWritingTo: output.file("T.csv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("99\r\n".utf8))
        try handle.close()
        var table = report.tables[0]
        table.gaps = []
        CopyProof(folder: output).check(&table)
        #expect(table.gaps == [.init(.countMismatch, "CSV copy holds 5 rows; 4 were read")])
    }

    @Test func aBrokenWorkbookIsUnreadable() throws {
        let (folder, output, report) = try Self.converted("proof-xlsx")
        defer { folder.remove() }
        try Data("not a zip".utf8).write(to: output.file("t.xlsx"))
        var table = report.tables[0]
        CopyProof(folder: output).check(&table)
        #expect(table.gaps.map(\.kind) == [.unreadableCopy])
        #expect(table.copies.first { $0.format == .workbook }?.rowsReadBack == nil)
    }

    @Test func rowTagsAcrossChunksAreCounted() {
        var counter = RowTagCounter()
        let xml = Array("<sheetData><row r=\"1\"><c/></row><rowBreaks/><row>x</row><ro w/></sheetData>".utf8)
        for byte in xml { counter.scan(Data([byte])) }
        #expect(counter.count == 2)
    }
}

import Foundation
import SunsetFixtures
import Testing
@testable import SunsetReadable

/// What cannot be copied is said, never silenced; and Sunset writes only where it may.
@Suite struct GapTests {
    static let columns = [ColumnInfo(name: "Nr", kind: .integer, sourceType: "N(5,0)"),
                          ColumnInfo(name: "Name", kind: .text, sourceType: "C(30)")]

    static func rows(_ count: Int) -> [[Cell]] {
        (0..<count).map { [.integer(Int64($0)), .text("Zeile \($0)")] }
    }

    @Test func aSourceThatStopsEarlyIsAGapAndTheOtherTablesAreCopied() throws {
        let folder = try VolumeBuilder.temporary("gap-damaged")
        defer { folder.remove() }
        let database = StubDatabase(stubs: [
            StubTable(name: "KUNDEN", columns: Self.columns, rows: Self.rows(20), declaredRowCount: 20, failAfter: 7),
            StubTable(name: "ARTIKEL", columns: Self.columns, rows: Self.rows(5), declaredRowCount: 5),
        ])
        let report = try Conversion.convert(database, sourcePath: "/daten/KUNDEN.DBF", to: folder.url("out"),
                                            formats: Set(CopyFormat.allCases))
        #expect(!report.isComplete)
        let kunden = try #require(report.tables.first { $0.name == "KUNDEN" })
        #expect(kunden.rowsRead == 7)
        #expect(kunden.gaps.map(\.kind) == [.countMismatch, .sourceStoppedEarly])
        #expect(kunden.gaps.last?.detail.contains("page 7 is not a data page") == true)
        #expect(kunden.copies.allSatisfy { $0.rowsReadBack == 7 })
        let artikel = try #require(report.tables.first { $0.name == "ARTIKEL" })
        #expect(artikel.gaps.isEmpty)
        #expect(artikel.copies.count == 3 && artikel.copies.allSatisfy { $0.rowsReadBack == 5 })
        #expect(report.tables.map(\.name) == ["ARTIKEL", "KUNDEN"])   // sorted
        let markdown = report.markdown()
        #expect(markdown.contains("Not complete"))
        #expect(markdown.contains("KUNDEN: source-stopped-early: reading stopped after 7 rows"))
    }

    @Test func aTableThatCannotBeReadAtAllIsAGap() throws {
        let folder = try VolumeBuilder.temporary("gap-unreadable")
        defer { folder.remove() }
        let database = StubDatabase(stubs: [StubTable(name: "T", columns: Self.columns, rows: Self.rows(3), failAfter: 0)])
        let report = try Conversion.convert(database, sourcePath: "t.dbf", to: folder.url("out"), formats: [.csv])
        #expect(report.tables.first?.gaps.map(\.kind) == [.unreadableTable])
        #expect(report.tables.first?.copies.first?.rowsReadBack == 0)
    }

    @Test func unsupportedAndBinaryColumnsAreLeftOutAndNamed() throws {
        let folder = try VolumeBuilder.temporary("gap-columns")
        defer { folder.remove() }
        let columns = Self.columns + [ColumnInfo(name: "Bild", kind: .binary, sourceType: "OLE"),
                                      ColumnInfo(name: "Seltsam", kind: .unsupported, sourceType: "TYPE 0x7F")]
        let database = StubDatabase(stubs: [StubTable(name: "T", columns: columns,
                                                      rows: [[.integer(1), .text("a"), .binary(Data([1])), .null]])])
        let report = try Conversion.convert(database, sourcePath: "t.dbf", to: folder.url("out"), formats: Set(CopyFormat.allCases))
        let table = try #require(report.tables.first)
        #expect(table.leftOutColumns == ["Bild", "Seltsam"])
        #expect(table.gaps.map(\.kind) == [.unsupportedColumn])
        let csv = try Data(contentsOf: folder.url("out/T.csv"))
        #expect(csv == Data("\u{FEFF}Nr,Name\r\n1,a\r\n".utf8))
    }

    @Test func aForeignFolderIsRefusedAndOursIsReused() throws {
        let folder = try VolumeBuilder.temporary("gap-foreign")
        defer { folder.remove() }
        _ = try folder.file("out/Brief an Kunden.docx", text: "not ours")
        let database = StubDatabase(stubs: [StubTable(name: "T", columns: Self.columns, rows: Self.rows(2))])
        let error = #expect(throws: ReadableError.self) {
            _ = try Conversion.convert(database, sourcePath: "t.dbf", to: folder.url("out"), formats: Set(CopyFormat.allCases))
        }
        #expect(error?.localizedDescription.contains("did not write ('Brief an Kunden.docx')") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("out").path) == ["Brief an Kunden.docx"])
        // A folder holding only Sunset's own copies is written again, atomically.
        let first = try Conversion.convert(database, sourcePath: "t.dbf", to: folder.url("mine"), formats: Set(CopyFormat.allCases))
        let again = try Conversion.convert(database, sourcePath: "t.dbf", to: folder.url("mine"), formats: Set(CopyFormat.allCases))
        #expect(first == again)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("mine").path).sorted()
                == [".sunset-written", "T.csv", "t.sqlite", "t.xlsx"])
    }

    @Test func theReportIsDeterministicData() throws {
        let folder = try VolumeBuilder.temporary("gap-json")
        defer { folder.remove() }
        let database = StubDatabase(stubs: [StubTable(name: "b", columns: Self.columns, rows: Self.rows(1)),
                                            StubTable(name: "a", columns: Self.columns, rows: Self.rows(1))])
        let report = try Conversion.convert(database, sourcePath: "x.dbf", to: folder.url("out"), formats: [.csv, .sqlite])
        let decoded = try JSONDecoder().decode(ConversionReport.self, from: try report.json())
        #expect(decoded == report)
        #expect(report.tables.map(\.name) == ["a", "b"])
        #expect(report.markdown() == decoded.markdown())
    }
}

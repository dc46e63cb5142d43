import Foundation
import SunsetFixtures
@testable import SunsetReadable
import Testing

/// Tables of every flavor, written by `DBFWriter`, read by dbfread and by Sunset's reader: the
/// two must agree value for value, deleted records skipped by both.
@Suite struct DBFReaderTests {
    static let longMemo = String(repeating: "Ça coûte très cher à Zürich; Größe über alles. ", count: 40)

    static let common: [DBFWriter.Field] = [
        .init("NAME", .character(30)), .init("AMOUNT", .numeric(10, 2)), .init("COUNT", .numeric(5, 0)),
        .init("BORN", .date), .init("ACTIVE", .logical), .init("NOTES", .memo),
    ]

    static let commonRecords: [DBFWriter.Record] = [
        .init([.text("Müller Straße café"), .number(1234.56), .integer(42), .date(1987, 3, 14), .bool(true), .text(longMemo)]),
        .init([.text("Ångström Ørsted"), .number(-0.5), .integer(-7), .null, .bool(false), .text("ok")]),
        .init([.text("Gone"), .number(1), .integer(1), .date(1999, 12, 31), .bool(true), .text("deleted")], deleted: true),
        .init([.text("Zoë"), .null, .null, .date(2000, 2, 29), .null, .null]),
    ]

    /// Writes the table, reads it both ways, and checks they agree; returns Sunset's reading.
    @discardableResult
    func roundTrip(_ writer: DBFWriter, _ test: String) throws -> (DBFReadBack.Result, DBFTable, [[Cell]]) {
        let url = try writer.write(to: try DBFReadBack.folder(test), name: "CLIENTS")
        let theirs = try DBFReadBack.dbfread(url)
        let (ours, table, cells) = try DBFReadBack.sunset(url)
        #expect(ours.columns == theirs.columns)
        #expect(ours.deleted == theirs.deleted)
        #expect(ours.rows.count == theirs.rows.count)
        for (index, (mine, other)) in zip(ours.rows, theirs.rows).enumerated() {
            #expect(mine == other, "row \(index)")
        }
        #expect(table.declaredRowCount == cells.count, "rows read must equal the header's count minus deleted records")
        return (ours, table, cells)
    }

    @Test func dBase3WithDBTMemoInCP850() throws {
        let (ours, table, cells) = try roundTrip(DBFWriter(.dBase3, fields: Self.common, records: Self.commonRecords,
                                                           languageDriver: 0x02), "db3")
        #expect(table.header.version == 0x83)
        #expect(table.codePage.number == 850)
        #expect(ours.deleted == 1 && cells.count == 3)
        #expect(cells[0][0] == .text("Müller Straße café"))
        #expect(cells[0][1] == .decimal("1234.56"))
        #expect(cells[0][2] == .integer(42))
        #expect(cells[0][3] == .date(year: 1987, month: 3, day: 14))
        #expect(cells[0][5] == .text(Self.longMemo))
        #expect(Self.longMemo.utf8.count > 1024)
        #expect(cells[2] == [.text("Zoë"), .null, .null, .date(year: 2000, month: 2, day: 29), .null, .null])
        #expect(table.columns.map(\.kind) == [.text, .decimal, .integer, .date, .boolean, .text])
    }

    @Test func dBase4WithDBTMemoInCP1252() throws {
        let (_, table, cells) = try roundTrip(DBFWriter(.dBase4, fields: Self.common, records: Self.commonRecords,
                                                        languageDriver: 0x57), "db4")
        #expect(table.header.version == 0x8B)
        #expect(table.codePage.number == 1252 && table.codePage.note == nil)
        #expect(cells[1][0] == .text("Ångström Ørsted"))
        #expect(cells[0][5] == .text(Self.longMemo))
    }

    @Test func foxPro2WithFPTMemo() throws {
        let (_, table, cells) = try roundTrip(DBFWriter(.foxPro2, fields: Self.common, records: Self.commonRecords,
                                                        languageDriver: 0x03), "fox2")
        #expect(table.header.version == 0xF5)
        #expect(table.header.format == .foxpro)
        #expect(cells[0][5] == .text(Self.longMemo))
    }

    @Test func visualFoxProTypesAndNulls() throws {
        let fields = Self.common + [
            .init("ID", .integer), .init("PRICE", .currency), .init("SEEN", .dateTime), .init("RATIO", .double),
            .init("NICK", .character(10), nullable: true), .init("SCORE", .numeric(6, 1), nullable: true),
        ]
        let extra: [[DBFWriter.Value]] = [
            [.integer(-2_000_000_000), .currency(125_000), .dateTime(2001, 9, 8, hour: 13, minute: 46, millisecond: 40_500),
             .number(0.25), .text("Ben"), .number(12.5)],
            [.integer(7), .currency(-10_001), .dateTime(1999, 12, 31, hour: 23, minute: 59, millisecond: 59_000),
             .number(-3.5), .null, .null],
            [.integer(0), .currency(0), .dateTime(2000, 1, 1, hour: 0, minute: 0, millisecond: 0), .number(1), .text("x"), .number(0)],
            [.integer(1), .currency(1), .dateTime(2024, 2, 29, hour: 12, minute: 0, millisecond: 1), .number(2), .text("Zoé"), .number(3)],
        ]
        let records = zip(Self.commonRecords, extra).map { DBFWriter.Record($0.values + $1, deleted: $0.deleted) }
        let writer = DBFWriter(.visualFoxPro, fields: fields, records: records, languageDriver: 0x03)
        let url = try writer.write(to: try DBFReadBack.folder("vfp"), name: "CLIENTS")
        let theirs = try DBFReadBack.dbfread(url)
        let (ours, table, cells) = try DBFReadBack.sunset(url)
        #expect(table.header.version == 0x30)
        #expect(table.header.headerLength == 32 + 32 * 13 + 1 + 263)
        #expect(!table.columns.contains { $0.name == "_NullFlags" })
        // A null NICK is a true null for Sunset; dbfread ignores _NullFlags and reads the blanks.
        #expect(cells[1][10] == .null && cells[1][11] == .null)
        #expect(theirs.rows[1][10] == "" && theirs.rows[1][11] == nil)
        var adjusted = ours.rows
        adjusted[1][10] = ""
        #expect(adjusted == theirs.rows)
        #expect(ours.columns == theirs.columns)
        #expect(cells[0][6] == .integer(-2_000_000_000))
        #expect(cells[0][7] == .decimal("12.5000"))
        #expect(cells[1][7] == .decimal("-1.0001"))
        #expect(cells[0][8] == .dateTime(year: 2001, month: 9, day: 8, hour: 13, minute: 46, second: 40.5))
        #expect(cells[0][9] == .real(0.25))
        #expect(table.columns.map(\.kind).suffix(6) == [.integer, .decimal, .dateTime, .real, .text, .decimal])
        #expect(table.declaredRowCount == cells.count)
    }

    @Test func deletedRecordsAreCountedAndSkipped() throws {
        var records = Self.commonRecords
        records.append(.init([.text("Also gone"), .null, .null, .null, .null, .null], deleted: true))
        let (ours, table, cells) = try roundTrip(DBFWriter(.dBase3, fields: Self.common, records: records), "deleted")
        #expect(table.header.recordCount == 5)
        #expect(table.deletedRowCount == 2 && ours.deleted == 2)
        #expect(table.declaredRowCount == 3 && cells.count == 3)
        #expect(!cells.contains { $0[0] == .text("Gone") || $0[0] == .text("Also gone") })
    }

    @Test func tablesWithoutMemoUseVersion3() throws {
        let fields = Array(Self.common.dropLast())
        let records = Self.commonRecords.map { DBFWriter.Record(Array($0.values.dropLast()), deleted: $0.deleted) }
        let (_, table, _) = try roundTrip(DBFWriter(.foxPro2, fields: fields, records: records, languageDriver: 0x01), "nomemo")
        #expect(table.header.version == 0x03)
        #expect(table.codePage.number == 437)
    }
}

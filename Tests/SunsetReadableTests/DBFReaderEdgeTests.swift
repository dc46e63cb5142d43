import Foundation
import SunsetFixtures
@testable import SunsetReadable
import Testing

/// The reader on tables that are not quite right: cut short, memo file missing or named in
/// another case, a link instead of a file, an unknown code page, a header that lies.
@Suite struct DBFReaderEdgeTests {
    static let fields: [DBFWriter.Field] = [.init("NAME", .character(12)), .init("NOTES", .memo), .init("QTY", .numeric(4, 0))]
    static let records: [DBFWriter.Record] = (1...20).map { .init([.text("Row \($0)"), .text("memo \($0)"), .integer(Int64($0))]) }

    @Test func memoFileIsFoundWhateverItsCase() throws {
        let folder = try DBFReadBack.folder("case")
        let url = try DBFWriter(.visualFoxPro, fields: Self.fields, records: Self.records)
            .write(to: folder, name: "CLIENTS", tableExtension: "DBF", memoName: "clients")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("clients.fpt").path))
        let (_, table, cells) = try DBFReadBack.sunset(url)
        #expect(table.name == "CLIENTS")
        #expect(cells[19][1] == .text("memo 20"))
        #expect(table.notes.isEmpty)
    }

    @Test func missingMemoLeavesMemoColumnsUnsupportedAndReadsTheRest() throws {
        let folder = try DBFReadBack.folder("nomemo")
        let url = try DBFWriter(.dBase3, fields: Self.fields, records: Self.records).write(to: folder, name: "ORDERS")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("ORDERS.dbt"))
        let (_, table, cells) = try DBFReadBack.sunset(url)
        #expect(table.columns.map(\.kind) == [.text, .unsupported, .integer])
        #expect(table.notes.contains { $0.contains("NOTES") && $0.contains("no memo file") })
        #expect(cells.count == 20)
        #expect(cells[4] == [.text("Row 5"), .null, .integer(5)])
    }

    @Test func aTableCutShortIsDamagedAfterTheRowsItHolds() throws {
        let (table, _) = DBFWriter(.foxPro2, fields: Self.fields, records: Self.records).bytes()
        let header = try DBFSource(name: "T", table: table, memo: nil, memoIsFPT: true).table.header
        let cut = Array(table.prefix(header.headerLength + header.recordLength * 7 + 5))
        let source = try DBFSource(name: "T", table: cut, memo: nil, memoIsFPT: true)
        var rows = 0
        #expect(throws: ReadableError.damaged(table: "T", reason: "the header counts 20 records but the file ends after 7 (7 rows read)")) {
            try source.table.forEachRow { _ in rows += 1 }
        }
        #expect(rows == 7)
        #expect(source.table.declaredRowCount == 20)
    }

    @Test func aBrokenMemoPointerIsDamaged() throws {
        let (table, memo) = DBFWriter(.foxPro2, fields: Self.fields, records: Self.records).bytes()
        let source = try DBFSource(name: "T", table: table, memo: Array(try #require(memo).prefix(600)), memoIsFPT: true)
        #expect(throws: ReadableError.self) { try source.table.forEachRow { _ in } }
    }

    @Test func aLinkIsNotFollowed() throws {
        let folder = try DBFReadBack.folder("link")
        let url = try DBFWriter(.dBase3, fields: Self.fields, records: Self.records).write(to: folder, name: "REAL")
        let link = folder.appendingPathComponent("LINK.dbf")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: url)
        #expect(throws: ReadableError.self) { try DBFSource(url: link) }
    }

    @Test func anUnknownCodePageIsReadAsCP1252AndSaidSo() throws {
        let records: [DBFWriter.Record] = [.init([.text("café"), .null, .integer(1)])]
        let (bytes, memo) = DBFWriter(.dBase3, fields: Self.fields, records: records, languageDriver: 0xEE).bytes()
        let table = try DBFSource(name: "T", table: bytes, memo: memo, memoIsFPT: false).table
        #expect(table.codePage.number == 1252)
        #expect(table.notes.contains("unknown language driver 0xEE: text read as CP1252"))
        var first: [Cell] = []
        try table.forEachRow { first = $0 }
        #expect(first[0] == .text("café"))
    }

    @Test func codePagesDecodeTheirOwnLetters() {
        #expect(DBFCodePage(languageDriver: 0x02).decode([0x81, 0xE1, 0x9D]) == "üßØ")
        #expect(DBFCodePage(languageDriver: 0x65).decode([0x8F, 0xE0]) == "Пр")
        #expect(DBFCodePage(languageDriver: 0xC9).decode([0xCF, 0xF0]) == "Пр")
        #expect(DBFCodePage(languageDriver: 0x64).decode([0xA5]) == "ą")
        #expect(DBFCodePage(languageDriver: 0x13).note?.contains("932") == true)
    }

    @Test func headersThatLieAreRefused() throws {
        let (bytes, _) = DBFWriter(.dBase3, fields: [.init("A", .character(5))], records: [.init([.text("x")])]).bytes()
        var tooLong = bytes
        tooLong[8] = 0xFF; tooLong[9] = 0xFF
        #expect(throws: ReadableError.self) { try DBFSource(name: "T", table: tooLong, memo: nil, memoIsFPT: false) }
        var narrow = bytes
        narrow[10] = 3; narrow[11] = 0
        #expect(throws: ReadableError.self) { try DBFSource(name: "T", table: narrow, memo: nil, memoIsFPT: false) }
        #expect(throws: ReadableError.self) { try DBFSource(name: "T", table: Array("hello, world".utf8), memo: nil, memoIsFPT: false) }
        var huge = bytes
        huge[4] = 0xFF; huge[5] = 0xFF; huge[6] = 0xFF; huge[7] = 0xFF
        let table = try DBFSource(name: "T", table: huge, memo: nil, memoIsFPT: false).table
        #expect(table.recordsPresent == 1)
        #expect(throws: ReadableError.self) { try table.forEachRow { _ in } }
    }

    @Test func unreadableValuesBecomeNullAndAreCounted() throws {
        let fields: [DBFWriter.Field] = [.init("D", .date), .init("N", .numeric(5, 0)), .init("L", .logical)]
        var (bytes, _) = DBFWriter(.dBase3, fields: fields, records: [.init([.date(2001, 1, 1), .integer(5), .bool(true)])]).bytes()
        let record = 32 + 32 * 3 + 1 + 1
        bytes.replaceSubrange(record..<(record + 14), with: Array("20011301*****X".utf8))
        let table = try DBFSource(name: "T", table: bytes, memo: nil, memoIsFPT: false).table
        var row: [Cell] = []
        try table.forEachRow { row = $0 }
        #expect(row == [.null, .null, .null])
        #expect(table.unreadableValueCount == 3)
    }
}

/// Visual FoxPro varchar fields, whose used length and nulls live in `_NullFlags`.
@Suite struct DBFVarcharTests {
    @Test func varcharLengthAndNullBitsAreApplied() throws {
        let records: [DBFWriter.Record] = [.init([.text("Ben")]), .init([.text("x")]), .init([.text("abcdefghij")])]
        var (bytes, _) = DBFWriter(.visualFoxPro, fields: [.init("NICK", .character(10), nullable: true)], records: records).bytes()
        bytes[0] = 0x32
        bytes[32 + 11] = UInt8(ascii: "V")
        let headerLength = 32 + 64 + 1 + 263
        let recordLength = 1 + 10 + 1
        func record(_ index: Int) -> Int { headerLength + index * recordLength }
        bytes[record(0) + 10] = 3              // "Ben" uses 3 of 10 bytes
        bytes[record(0) + 11] = 0x01           // bit 0: the length bit
        bytes[record(1) + 11] = 0x02           // bit 1: the null bit
        bytes[record(2) + 11] = 0x00           // full: all 10 bytes
        let table = try DBFSource(name: "T", table: bytes, memo: nil, memoIsFPT: true).table
        var rows: [[Cell]] = []
        try table.forEachRow { rows.append($0) }
        #expect(table.columns == [ColumnInfo(name: "NICK", kind: .text, sourceType: "V(10)")])
        #expect(rows == [[.text("Ben")], [.null], [.text("abcdefghij")]])
    }
}

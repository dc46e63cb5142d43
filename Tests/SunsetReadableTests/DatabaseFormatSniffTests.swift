import Foundation
import SunsetFixtures
@testable import SunsetReadable
import Testing

/// `DatabaseFormat.sniff` on the first bytes of each format, and on files that only look like one.
@Suite struct DatabaseFormatSniffTests {
    func jet(_ engine: String, version: UInt8) -> Data {
        var bytes: [UInt8] = [0x00, 0x01, 0x00, 0x00] + Array("Standard \(engine) DB\0".utf8)
        bytes += [UInt8](repeating: 0, count: 0x14 - bytes.count) + [version] + [UInt8](repeating: 0x42, count: 2000)
        return Data(bytes)
    }

    @Test func accessEnginesByNameAndVersion() {
        #expect(DatabaseFormat.sniff(jet("Jet", version: 0), fileName: "old.mdb") == .jet3)
        #expect(DatabaseFormat.sniff(jet("Jet", version: 1), fileName: "orders.mdb") == .jet4)
        #expect(DatabaseFormat.sniff(jet("ACE", version: 2), fileName: "orders.accdb") == .ace)
        #expect(DatabaseFormat.sniff(jet("ACE", version: 5), fileName: "anything") == .ace)
        #expect(DatabaseFormat.sniff(jet("Foo", version: 1), fileName: "orders.mdb") == nil)
        #expect(DatabaseFormat.sniff(jet("Jet", version: 1).prefix(0x10), fileName: "orders.mdb") == nil)
    }

    @Test func sqlite() {
        #expect(DatabaseFormat.sniff(Data("SQLite format 3\0".utf8) + Data(count: 84), fileName: "x.sqlite") == .sqlite)
        #expect(DatabaseFormat.sniff(Data("SQLite format 2\0".utf8) + Data(count: 84), fileName: "x.sqlite") == nil)
    }

    @Test func dBaseAndFoxProFromTheWritersTables() {
        let fields: [DBFWriter.Field] = [.init("NAME", .character(10)), .init("NOTES", .memo)]
        let records: [DBFWriter.Record] = [.init([.text("a"), .text("b")])]
        let expected: [(DBFWriter.Flavor, DatabaseFormat)] = [(.dBase3, .dbase), (.dBase4, .dbase), (.foxPro2, .foxpro),
                                                              (.visualFoxPro, .foxpro)]
        for (flavor, format) in expected {
            let table = Data(DBFWriter(flavor, fields: fields, records: records).bytes().table)
            #expect(DatabaseFormat.sniff(table, fileName: "CLIENTS.DBF") == format, "\(flavor)")
            #expect(DatabaseFormat.sniff(table.prefix(40), fileName: "CLIENTS.DBF") == nil, "a truncated header")
        }
        let wide = DBFWriter(.dBase3, fields: (0..<200).map { .init("F\($0)", .character(1)) }, records: []).bytes().table
        #expect(DatabaseFormat.sniff(Data(wide.prefix(4096)), fileName: "WIDE.DBF") == .dbase, "a header longer than the head")
    }

    @Test func textNamedDbfIsNotATable() {
        #expect(DatabaseFormat.sniff(Data("NAME,CITY\nMüller,Bern\n".utf8), fileName: "clients.dbf") == nil)
        var lookalike = [UInt8](repeating: 0x41, count: 200)
        lookalike[0] = 0x03
        #expect(DatabaseFormat.sniff(Data(lookalike), fileName: "clients.dbf") == nil)
    }

    @Test func aDBFWhoseTerminatorIsMisplacedIsNot() {
        var table = DBFWriter(.dBase3, fields: [.init("A", .character(5))], records: []).bytes().table
        table[8] = UInt8(table[8] + 32)
        #expect(DatabaseFormat.sniff(Data(table), fileName: "a.dbf") == nil)
    }

    func paradox(fileType: UInt8 = 2, version: UInt8 = 12) -> Data {
        var bytes = [UInt8](repeating: 0, count: 2048)
        bytes[0] = 40            // record size
        bytes[2] = 0x00; bytes[3] = 0x08   // header size 2048
        bytes[4] = fileType
        bytes[5] = 2             // maximum table size factor
        bytes[0x39] = version
        return Data(bytes)
    }

    @Test func paradoxOnlyInADbFile() {
        #expect(DatabaseFormat.sniff(paradox(), fileName: "CUSTOMER.DB") == .paradox)
        #expect(DatabaseFormat.sniff(paradox(fileType: 0, version: 4), fileName: "customer.db") == .paradox)
        #expect(DatabaseFormat.sniff(paradox(), fileName: "customer.dat") == nil)
        #expect(DatabaseFormat.sniff(paradox(fileType: 1), fileName: "CUSTOMER.DB") == nil, "a primary index, not a table")
        #expect(DatabaseFormat.sniff(paradox().prefix(0x30), fileName: "CUSTOMER.DB") == nil)
        #expect(DatabaseFormat.sniff(Data("hello".utf8), fileName: "notes.db") == nil)
    }
}

import Foundation
import SunsetFixtures
@testable import SunsetReadable
import Testing

/// `JetSource` reads through libmdb exactly what `JetWriter` wrote (which mdbtools' own
/// programs accept, see JetWriterTests), and a damaged page costs only its own table.
@Suite struct JetSourceTests {
    /// Every row of a table, read through the `TableSource` protocol.
    static func rows(_ table: TableSource) throws -> [[Cell]] {
        var rows: [[Cell]] = []
        try table.forEachRow { rows.append($0) }
        return rows
    }

    static func written(_ name: String, _ tables: [JetWriter.Table]) throws -> URL {
        let url = try JetWriterTests.folder(name).appendingPathComponent("\(name).mdb")
        try JetWriter.write(tables, to: url)
        return url
    }

    /// The data pages of the first user table in `bytes` (its definition is the first TDEF
    /// page after the catalog's, page 2), in file order.
    static func firstTableDataPages(_ bytes: Data) throws -> [Int] {
        let pages = bytes.count / 4096
        let definition = try #require((3..<pages).first { bytes[$0 * 4096] == 0x02 })
        let owner = withUnsafeBytes(of: UInt32(definition).littleEndian, Array.init)
        return (0..<pages).filter { page in
            bytes[page * 4096] == 0x01 && bytes[page * 4096 + 4 ..< page * 4096 + 8].elementsEqual(owner)
        }
    }

    @Test func readsBackExactlyTheRowsWritten() throws {
        let url = try Self.written("source", [JetWriterTests.clients, JetWriterTests.customers])
        let source = try JetSource(url: url)
        #expect(source.format == .jet4)
        let tables = try source.tables()
        #expect(tables.map(\.name) == ["Liste des clients", "Kunden Übersicht"])

        let clients = try #require(tables.first)
        #expect(clients.columns.map(\.name) == JetWriterTests.clients.columns.map(\.name))
        #expect(clients.columns.map(\.kind) == [.integer, .text, .boolean, .decimal, .dateTime, .text,
                                                .integer, .integer, .real, .binary])
        #expect(clients.columns.map(\.sourceType) == ["LONG INTEGER", "TEXT(100)", "BOOLEAN", "CURRENCY", "DATETIME",
                                                      "MEMO", "BYTE", "INTEGER", "DOUBLE", "OLE"])
        #expect(clients.declaredRowCount == 3)
        var expected = JetWriterTests.clients.rows
        expected[0][3] = .decimal("1234.5600")   // currency comes back with its four places
        expected[2][3] = .decimal("-0.5000")
        #expect(try Self.rows(clients) == expected)

        let customers = tables[1]
        #expect(customers.declaredRowCount == 700)
        #expect(try MDBToolsCLI.count(url, customers.name) == customers.declaredRowCount)
        #expect(try MDBToolsCLI.count(url, clients.name) == clients.declaredRowCount)
        #expect(try Self.rows(customers) == JetWriterTests.customers.rows)
    }

    @Test func anEmptyTextIsNotANull() throws {
        let table = JetWriter.Table(name: "Notes", columns: [JetColumn("Titre", .text()), JetColumn("Texte", .memo)],
                                    rows: [[.text(""), .null], [.null, .text("")], [.text("a"), .text("b")]])
        let url = try Self.written("empty", [table])
        let notes = try #require(try JetSource(url: url).tables().first)
        #expect(try Self.rows(notes) == table.rows)
    }

    @Test func datesWithATimeAreDateTimesAndMidnightIsADay() throws {
        #expect(JetDate.cell(days: 45_292) == .date(year: 2024, month: 1, day: 1))
        #expect(JetDate.cell(days: 45_292.75) == .dateTime(year: 2024, month: 1, day: 1, hour: 18, minute: 0, second: 0))
        #expect(JetDate.cell(days: 0) == .date(year: 1899, month: 12, day: 30))
        #expect(JetDate.cell(days: -1.25) == .dateTime(year: 1899, month: 12, day: 29, hour: 6, minute: 0, second: 0))
        #expect(JetCellDecoder.currency(-5_000) == "-0.5000")
        #expect(JetCellDecoder.currency(12_345_600) == "1234.5600")
    }

    @Test func aDamagedPageCostsOnlyItsTable() throws {
        let url = try Self.written("damaged", [JetWriterTests.customers, JetWriterTests.clients])
        // Flip the type byte of the first table's second data page, as a bad sector would.
        var bytes = try Data(contentsOf: url)
        let owned = try Self.firstTableDataPages(bytes)
        #expect(owned.count >= 3)
        bytes[owned[1] * 4096] ^= 0xFF
        try bytes.write(to: url)

        let tables = try JetSource(url: url).tables()
        #expect(tables.map(\.name) == ["Kunden Übersicht", "Liste des clients"])
        var readBeforeTheError = 0
        #expect(throws: ReadableError.self) {
            try tables[0].forEachRow { _ in readBeforeTheError += 1 }
        }
        #expect(readBeforeTheError > 0 && readBeforeTheError < 700)
        // The other table still reads whole, and agrees with mdb-count.
        #expect(try Self.rows(tables[1]).count == 3)
        #expect(try MDBToolsCLI.count(url, "Liste des clients") == 3)
    }

    @Test func scrambledRowOffsetsAreDamageToo() throws {
        let url = try Self.written("offsets", [JetWriterTests.customers, JetWriterTests.clients])
        var bytes = try Data(contentsOf: url)
        let page = try #require(try Self.firstTableDataPages(bytes).first)
        for offset in page * 4096 + 14 ..< page * 4096 + 14 + 40 { bytes[offset] = 0xFF }
        try bytes.write(to: url)
        let tables = try JetSource(url: url).tables()
        #expect(throws: ReadableError.self) { try tables[0].forEachRow { _ in } }
        #expect(try Self.rows(tables[1]).count == 3)
    }

    @Test func aDefinitionPointingToNoUsageMapIsDamageNotACrash() throws {
        // One byte found by mutating files: the usage map's row number in the first table's
        // definition (offset 55) names a row its page does not have. libmdb 1.0.0 reads the
        // table anyway with an empty map, and mdb-export then dies of a null pointer.
        let url = try Self.written("nomap", [JetWriterTests.customers, JetWriterTests.clients])
        var bytes = try Data(contentsOf: url)
        let definition = try #require((3..<bytes.count / 4096).first { bytes[$0 * 4096] == 0x02 })
        bytes[definition * 4096 + 55] = 0x99
        try bytes.write(to: url)
        let tables = try JetSource(url: url).tables()
        #expect(tables.map(\.name) == ["Kunden Übersicht", "Liste des clients"])
        #expect(tables[0].declaredRowCount == nil)
        #expect(throws: ReadableError.damaged(table: "Kunden Übersicht", reason: "its table definition page cannot be read")) {
            try tables[0].forEachRow { _ in }
        }
        #expect(try Self.rows(tables[1]).map(\.first) == [.integer(1), .integer(2), .integer(-2_147_483_648)])
    }

    @Test func notADatabaseIsSaidPlainly() throws {
        let url = try JetWriterTests.folder("garbage").appendingPathComponent("garbage.mdb")
        try Data(repeating: 0x41, count: 10_000).write(to: url)
        #expect(throws: ReadableError.self) { try JetSource(url: url) }
        #expect(throws: ReadableError.self) { try JetSource(url: url.appendingPathExtension("missing")) }
    }
}

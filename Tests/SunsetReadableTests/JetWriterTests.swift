import Foundation
@testable import SunsetFixtures
import SunsetReadable
import Testing

/// `JetWriter` makes real Jet 4 files: every file here is judged by mdbtools' own programs
/// (mdb-tables, mdb-count, mdb-export, mdb-ver), never by our reader.
@Suite struct JetWriterTests {
    /// A folder of its own for each test's files.
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jet-writer-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A memo of 6,000 characters (12,000 bytes of UCS-2): three chained LVAL pages.
    static let longMemo = String(repeating: "Crème brûlée à la française. ", count: 207)

    /// Two tables with every type the writer knows, accents, nulls and long values.
    static let clients = JetWriter.Table(
        name: "Liste des clients",
        columns: [JetColumn("N°", .int32), JetColumn("Nom", .text(maxLength: 100)), JetColumn("Actif", .boolean),
                  JetColumn("Solde", .currency), JetColumn("Créé le", .dateTime), JetColumn("Notes", .memo),
                  JetColumn("Âge", .byte), JetColumn("Rang", .int16), JetColumn("Taux", .double),
                  JetColumn("Logo", .ole)],
        rows: [
            [.integer(1), .text("Crème brûlée"), .boolean(true), .decimal("1234.56"),
             .date(year: 2024, month: 3, day: 15), .text("court"), .integer(42), .integer(-300), .real(3.25),
             .binary(Data([0x89, 0x50, 0x4E, 0x47]))],
            [.integer(2), .null, .boolean(false), .null,
             .dateTime(year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 58), .text(longMemo),
             .null, .null, .null, .null],
            [.integer(-2_147_483_648), .text("Zoë « Ćwikła » 東京"), .boolean(true), .decimal("-0.5"), .null,
             .text(String(repeating: "é", count: 1500)), .integer(255), .integer(32767), .real(-0.001),
             .binary(Data((0..<5000).map { UInt8($0 % 251) }))],
        ])
    static let customers = JetWriter.Table(
        name: "Kunden Übersicht",
        columns: [JetColumn("Nummer", .int32), JetColumn("Straße", .text(maxLength: 50))],
        rows: (0..<700).map { [.integer(Int64($0)), .text("Hauptstraße \($0)")] })

    @Test func mdbtoolsListsCountsAndExportsEveryValue() throws {
        let url = try Self.folder("values").appendingPathComponent("clients.mdb")
        try JetWriter.write([Self.clients, Self.customers], to: url)

        #expect(try MDBToolsCLI.run("mdb-ver", [url.path]) == "JET4\n")
        #expect(try MDBToolsCLI.tables(url) == ["Liste des clients", "Kunden Übersicht"])
        #expect(try MDBToolsCLI.count(url, "Liste des clients") == 3)
        #expect(try MDBToolsCLI.count(url, "Kunden Übersicht") == 700)

        let rows = try MDBToolsCLI.export(url, "Liste des clients").split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows.first == #"1,"Crème brûlée",1,1234.5600,"2024-03-15 00:00:00","court",42,-300,3.25,"89504E47""#)
        #expect(rows.dropFirst().first == #"2,,0,,"1999-12-31 23:59:58","\#(Self.longMemo)",,,,"#)
        let pattern = (0..<5000).map { String(format: "%02X", $0 % 251) }.joined()
        #expect(rows.last == #"-2147483648,"Zoë « Ćwikła » 東京",1,-0.5000,,"\#(String(repeating: "é", count: 1500))",255,32767,-0.001,"\#(pattern)""#)
        let customers = try MDBToolsCLI.export(url, "Kunden Übersicht").split(separator: "\n")
        #expect(customers.count == 700)
        #expect(customers.first == #"0,"Hauptstraße 0""#)
        #expect(customers.last == #"699,"Hauptstraße 699""#)
    }

    @Test func emptyTablesAndManyPagesAreListedAndCounted() throws {
        let url = try Self.folder("pages").appendingPathComponent("pages.mdb")
        let writer = try JetWriter(url: url)
        try writer.addTable("Vide", columns: [JetColumn("A", .int32)], rows: [[Cell]]())
        // 20,000 rows over a few hundred pages, streamed from a lazy sequence.
        try writer.addTable("Grand", columns: [JetColumn("N", .int32), JetColumn("T", .text(maxLength: 20))],
                            rows: (0..<20_000).lazy.map { [.integer(Int64($0)), .text("ligne \($0)")] })
        try writer.finish()
        #expect(try MDBToolsCLI.tables(url) == ["Vide", "Grand"])
        #expect(try MDBToolsCLI.count(url, "Vide") == 0)
        #expect(try MDBToolsCLI.count(url, "Grand") == 20_000)
        #expect(try MDBToolsCLI.export(url, "Vide").isEmpty)
        let lines = try MDBToolsCLI.export(url, "Grand").split(separator: "\n")
        #expect(lines.count == 20_000)
        #expect(lines.last == #"19999,"ligne 19999""#)
    }

    @Test func wideUsageMapsPointToBitmapPages() throws {
        // A 16-byte limit forces type-1 maps (page lists) for a table of a few hundred pages.
        let url = try Self.folder("maps").appendingPathComponent("maps.mdb")
        let writer = try JetWriter(url: url, created: 45_292, inlineMapLimit: 16)
        try writer.addTable("Large", columns: [JetColumn("N", .int32), JetColumn("Texte", .text(maxLength: 255))],
                            rows: (0..<2_000).lazy.map { [.integer(Int64($0)), .text(String(repeating: "x", count: 200) + "\($0)")] })
        try writer.finish()
        let bytes = try Data(contentsOf: url)
        #expect((0..<bytes.count / 4096).contains { bytes[$0 * 4096] == 0x05 }, "no bitmap page: the map stayed type 0")
        #expect(try MDBToolsCLI.count(url, "Large") == 2_000)
        let lines = try MDBToolsCLI.export(url, "Large").split(separator: "\n")
        #expect(lines.count == 2_000)
        #expect(lines.last?.hasSuffix("1999\"") == true)
    }

    @Test func refusesWhatItCannotWriteExactly() throws {
        let url = try Self.folder("refuse").appendingPathComponent("refuse.mdb")
        let writer = try JetWriter(url: url)
        #expect(throws: JetWriterError.self) {
            try writer.addTable("T", columns: [JetColumn("A", .int16)], rows: [[.integer(40_000)]])
        }
        #expect(throws: JetWriterError.self) {
            try writer.addTable("U", columns: [JetColumn("A", .currency)], rows: [[.decimal("1.23456")]])
        }
        #expect(throws: JetWriterError.self) {
            try writer.addTable("V", columns: [JetColumn("A", .text(maxLength: 3))], rows: [[.text("abcd")]])
        }
        #expect(throws: JetWriterError.self) {
            try writer.addTable("W", columns: [JetColumn("A", .int32)], rows: [[.integer(1), .integer(2)]])
        }
        #expect(JetValueEncoder.tenThousandths("1234.56") == 12_345_600)
        #expect(JetValueEncoder.tenThousandths("-0.0001") == -1)
        #expect(JetValueEncoder.jetDate(year: 1899, month: 12, day: 30) == 0)
        #expect(JetValueEncoder.jetDate(year: 2024, month: 1, day: 1) == 45_292)
    }
}

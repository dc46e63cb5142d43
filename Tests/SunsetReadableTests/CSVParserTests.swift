import Foundation
import Testing
@testable import SunsetReadable

/// The RFC 4180 reader that proves the CSV copies, and the names made safe.
@Suite struct CSVParserTests {
    static func records(_ text: String, chunk: Int = 1) throws -> [[String]] {
        var parser = CSVParser()
        var records: [[String]] = []
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            try parser.feed(bytes[start..<min(start + chunk, bytes.count)]) { records.append($0) }
        }
        try parser.finish { records.append($0) }
        return records
    }

    @Test(arguments: [1, 3, 1000]) func quotedNewlinesCommasAndQuotes(chunk: Int) throws {
        let text = "\u{FEFF}a,b\r\n\"x,\r\ny\",\"he said \"\"hi\"\"\"\r\n,\r\nlast,\"\""
        #expect(try Self.records(text, chunk: chunk) == [["a", "b"], ["x,\r\ny", "he said \"hi\""], ["", ""], ["last", ""]])
    }

    @Test func malformedInputIsAnError() {
        #expect(throws: CSVParser.Malformed.self) { try Self.records("a,\"open\r\n") }
        #expect(throws: CSVParser.Malformed.self) { try Self.records("\"a\"b\r\n") }
    }

    @Test func aShortFileWithoutMarkIsRead() throws {
        #expect(try Self.records("\u{FEFF}") == [])
        #expect(try Self.records("x") == [["x"]])
    }

    @Test func namesChangeOnlyWhereDemanded() {
        var files = SafeNames(reserved: ["db.sqlite"])
        #expect(files.fileName(for: "Kunden Übersicht", suffix: ".csv") == "Kunden Übersicht.csv")
        #expect(files.fileName(for: "a/b", suffix: ".csv") == "a_b.csv")
        #expect(files.fileName(for: "a_b", suffix: ".csv") == "a_b-2.csv")
        #expect(files.fileName(for: "..", suffix: ".csv") == "_...csv")
        #expect(files.fileName(for: String(repeating: "é", count: 200), suffix: ".csv").utf8.count <= 240)
        var sheets = SafeNames()
        #expect(sheets.sheetName(for: "Umsatz [2026]: Q1/Q2?") == "Umsatz _2026__ Q1_Q2_")
        #expect(sheets.sheetName(for: "kunden") == "kunden")
        #expect(sheets.sheetName(for: "KUNDEN") == "KUNDEN-2")
        #expect(sheets.sheetName(for: "History") == "_History")
        #expect(sheets.sheetName(for: String(repeating: "x", count: 40), suffix: " (2)") == String(repeating: "x", count: 27) + " (2)")
    }
}

import Foundation
import SunsetFixtures
@testable import SunsetReadable
import Testing

/// Replays the dBase fuzzer's seeds and every input that once crashed the reader
/// (`Tests/Fixtures/fuzz-dbf/`), and checks the seeds are still what the writer writes.
@Suite struct DBFFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-dbf")

    /// The fuzzer's starting points: one table of each flavor with its memo file.
    static func seeds() -> [(name: String, input: [UInt8])] {
        let fields: [DBFWriter.Field] = [.init("NAME", .character(20)), .init("AMOUNT", .numeric(9, 2)), .init("DAY", .date),
                                         .init("OK", .logical), .init("NOTES", .memo)]
        let records: [DBFWriter.Record] = [
            .init([.text("Müller"), .number(12.5), .date(2001, 2, 3), .bool(true), .text(String(repeating: "memo ", count: 30))]),
            .init([.text("gone"), .null, .null, .null, .null], deleted: true),
            .init([.text("Ørsted"), .integer(-3), .date(1999, 12, 31), .null, .text("short")]),
        ]
        let vfpFields = fields + [.init("ID", .integer), .init("PRICE", .currency), .init("SEEN", .dateTime),
                                  .init("RATIO", .double), .init("NICK", .character(8), nullable: true)]
        let vfpRecords = records.map { DBFWriter.Record($0.values + [.integer(9), .currency(15), .dateTime(2002, 3, 4, hour: 5,
                                                        minute: 6, millisecond: 7), .number(0.5), .null], deleted: $0.deleted) }
        let writers: [(String, DBFWriter)] = [
            ("dbase3", DBFWriter(.dBase3, fields: fields, records: records, languageDriver: 0x02)),
            ("dbase4", DBFWriter(.dBase4, fields: fields, records: records, languageDriver: 0x57)),
            ("foxpro2", DBFWriter(.foxPro2, fields: fields, records: records)),
            ("vfp", DBFWriter(.visualFoxPro, fields: vfpFields, records: vfpRecords, languageDriver: 0xC8)),
        ]
        return writers.map { name, writer in
            let (table, memo) = writer.bytes()
            return ("seed-\(name)", DBFFuzzEntry.input(table: table, memo: memo, memoIsFPT: writer.memoExtension == "fpt"))
        }
    }

    @Test func seedsAreTheWritersOutput() throws {
        let record = ProcessInfo.processInfo.environment["RECORD_FUZZ_SEEDS"] == "1"
        for (name, input) in Self.seeds() {
            let file = Self.folder.appendingPathComponent(name)
            if record { try Data(input).write(to: file) }
            #expect(try Data(contentsOf: file) == Data(input), "\(name) is stale: run with RECORD_FUZZ_SEEDS=1")
            // The seed is read whole: its rows and its memo.
            let length = Int(input[0]) | Int(input[1]) << 8 | Int(input[2]) << 16
            let source = try DBFSource(name: name, table: Array(input[4..<(4 + length)]), memo: Array(input[(4 + length)...]),
                                       memoIsFPT: input[3] & 0x80 != 0)
            var rows = 0
            try source.table.forEachRow { rows += 1; #expect($0[4] != .null || rows == 2) }
            #expect(rows == 2)
        }
    }

    @Test func everyCrashingInputStillReads() throws {
        let files = ((try? FileManager.default.contentsOfDirectory(at: Self.folder, includingPropertiesForKeys: nil)) ?? [])
            .sorted { $0.path < $1.path }
        #expect(files.count >= 4)
        for file in files { DBFFuzzEntry.read(Array(try Data(contentsOf: file))) }
    }
}

import Foundation

/// The dBase reader on untrusted bytes, callable on a buffer: what the `FuzzDBF` libFuzzer
/// target drives and what `DBFFuzzRegressionTests` replays.
public enum DBFFuzzEntry {
    /// Input layout: 4 bytes little-endian (the table's length), the table, then the memo file
    /// (absent when nothing follows). The memo is an `.fpt` when the high bit of the length's
    /// last byte is set. Reads every row and sniffs the table; errors are fine, crashes are not.
    public static func read(_ input: [UInt8]) {
        guard input.count >= 4 else { return }
        let declared = Int(input[0]) | Int(input[1]) << 8 | Int(input[2]) << 16 | Int(input[3] & 0x7F) << 24
        let isFPT = input[3] & 0x80 != 0
        let body = input[4...]
        let tableLength = min(declared, body.count)
        let table = Array(body.prefix(tableLength))
        let memo = body.count > tableLength ? Array(body.dropFirst(tableLength)) : nil
        _ = DatabaseFormat.sniff(Data(table), fileName: "fuzz.dbf")
        guard let source = try? DBFSource(name: "fuzz", table: table, memo: memo, memoIsFPT: isFPT) else { return }
        _ = source.table.columns
        _ = source.table.declaredRowCount
        try? source.table.forEachRow { _ in }
    }

    /// The input `read` takes for a table and its memo file.
    public static func input(table: [UInt8], memo: [UInt8]?, memoIsFPT: Bool) -> [UInt8] {
        let length = UInt32(table.count) | (memoIsFPT ? 0x8000_0000 : 0)
        return withUnsafeBytes(of: length.littleEndian, Array.init) + table + (memo ?? [])
    }
}

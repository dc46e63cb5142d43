import Foundation

/// The scanner's parsers of untrusted bytes, each callable on a buffer: what the libFuzzer
/// targets in `Fuzz/` drive, and what the regression tests replay from `Fuzz/regressions/`.
public enum ScanFuzzEntry {
    /// The PE version resource reader.
    public static func peVersion(_ bytes: [UInt8]) {
        _ = PEVersionReader.read(bytes: bytes)
    }

    /// The zip backup check, with small limits so one input stays cheap.
    public static func zipCheck(_ bytes: [UInt8]) {
        _ = ZipCheck.check(Data(bytes), limits: .init(entries: 64, inflatedBytes: 1 << 20, ratio: 1_000))
    }

    /// The export header sniffers: CSV header row, XLSX shared strings, XLS text runs.
    public static func exportHeader(_ bytes: [UInt8]) {
        _ = HeaderSniffer.csv(bytes)
        _ = HeaderSniffer.textRuns(bytes)
        _ = HeaderSniffer.xlsx(Data(bytes))
    }

    /// The registry hive reader: opens the hive and walks every key and value it can reach
    /// (depth and count bounded by the reader's own limits).
    public static func hive(_ bytes: [UInt8]) {
        guard let hive = try? Hive(data: Data(bytes)), let root = try? hive.root() else { return }
        var pending = [root]
        var visited = 0
        while let key = pending.popLast(), visited < 10_000 {
            visited += 1
            for value in (try? hive.values(of: key)) ?? [] {
                _ = try? hive.text(of: value)
                _ = try? hive.number(of: value)
            }
            pending += (try? hive.subkeys(of: key)) ?? []
        }
    }
}

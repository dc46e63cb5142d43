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
}

import SunsetScan

/// libFuzzer entry: feeds each input to `ScanFuzzEntry.hive`. Crashes and hangs are findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ScanFuzzEntry.hive(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

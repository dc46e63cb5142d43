import SunsetScan

/// libFuzzer entry: feeds each input to `ScanFuzzEntry.zipCheck`. Crashes and hangs are findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ScanFuzzEntry.zipCheck(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

import SunsetReadable

/// libFuzzer entry: feeds each input (a table and its memo file) to `DBFFuzzEntry.read`.
/// Crashes, hangs and huge allocations are findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    DBFFuzzEntry.read(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

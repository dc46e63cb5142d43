import SunsetRules

/// libFuzzer entry: feeds each input to `RulesFuzzEntry.rulePack`. Crashes and hangs are findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    RulesFuzzEntry.rulePack(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// The rule-pack loader on arbitrary bytes, for the libFuzzer target in `Fuzz/` and the
/// regression tests that replay `Fuzz/regressions/rulepack/`.
public enum RulesFuzzEntry {
    public static func rulePack(_ bytes: [UInt8]) {
        _ = try? RulePackLoader.load(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
    }
}

import Foundation
import SunsetFixtures
import SunsetReport
import SunsetRules
import Testing

/// `results.sarif` of a fixture audit: valid SARIF 2.1.0 by the official schema, every rule
/// described, locations relative to the roots, fingerprints stable across runs and places.
@Suite struct SARIFTests {
    static let schema = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")

    /// Validates with Python's `jsonschema` (formats checked too: URIs need `rfc3987`).
    static func validate(_ sarif: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try #require(FileManager.default.fileExists(atPath: schema.path), "the SARIF schema is expected at \(schema.path)")
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        log = json.load(sys.stdin)
        errors = sorted(jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(log), key=str)
        for e in errors[:5]: print(list(e.absolute_path), e.message)
        sys.exit(1 if errors else 0)
        """
        let result = try runTool(["python3", "-c", script, schema.path], stdin: Data(sarif.utf8))
        #expect(result.status == 0, "SARIF is not valid: \(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
    }

    func decode(_ sarif: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    }

    @Test func theSampleAuditValidatesAgainstTheOfficialSchema() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        try Self.validate(try render(.sarif, try judge(volume)))
        try Self.validate(try render(.sarif, try judge(volume, language: .fr)))
    }

    @Test func theDriverDescribesEveryRuleOfThePacks() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let log = try decode(try render(.sarif, try judge(volume)))
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let expected = try PackSet.builtIn().flatMap(\.rules)
        #expect(rules.map { $0["id"] as? String } == expected.map(\.fullID))
        for (rule, pack) in zip(rules, expected) {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == pack.title(.en))
            #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((rule["help"] as? [String: Any])?["markdown"] as? String)?.contains("**What to do:**") == true)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == ["critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"][pack.severity.rawValue])
        }
    }

    @Test func resultsPointRelativeToTheirRootAndKeepTheirFingerprintsElsewhere() throws {
        let first = try sampleVolume("sarif-one")
        let second = try sampleVolume("sarif-two")
        defer { first.remove(); second.remove() }
        func results(_ volume: VolumeBuilder) throws -> (bases: [String: Any], results: [[String: Any]]) {
            let run = try #require((try decode(try render(.sarif, try judge(volume)))["runs"] as? [[String: Any]])?.first)
            return (try #require(run["originalUriBaseIds"] as? [String: Any]), try #require(run["results"] as? [[String: Any]]))
        }
        let one = try results(first), two = try results(second)
        #expect(((one.bases["ROOT0"] as? [String: Any])?["uri"] as? String) == "file://\(first.root.standardizedFileURL.path)/")
        #expect(!one.results.isEmpty)
        for result in one.results {
            let artifact = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])
            #expect(artifact["uriBaseId"] as? String == "ROOT0")
            let uri = try #require(artifact["uri"] as? String)
            #expect(!uri.hasPrefix("/") && !uri.contains(":"), "not relative: \(uri)")
        }
        func prints(_ results: [[String: Any]]) -> [String] {
            results.map { "\($0["ruleId"] ?? "") \(($0["partialFingerprints"] as? [String: String])?["sunsetFingerprint/v1"] ?? "-")" }
        }
        #expect(prints(one.results) == prints(two.results), "the same disk in another place gives other fingerprints")
        #expect(!prints(one.results).contains { $0.hasSuffix(" -") })
    }
}

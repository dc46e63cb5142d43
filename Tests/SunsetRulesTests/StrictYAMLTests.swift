import SunsetRules
import Testing

/// The YAML wrapper reads documents without Yams's implicit tags (see `StrictYAML.compose`):
/// these pin down that it decides types and refuses duplicate keys exactly as with them.
@Suite struct StrictYAMLTests {
    private func name(_ yaml: String) throws -> String {
        try StrictYAML.parse("name: \(yaml)\n", file: "t.yaml").fields(required: ["name"])["name"].string()
    }

    private func refusal(_ text: String) -> String? {
        do {
            _ = try StrictYAML.parse(text, file: "t.yaml").fields(required: [], optional: ["a", "1", "true"])
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Numbers, booleans and nulls written plainly are not text; whatever starts like one.
    @Test(arguments: ["1", "0x1F", "_1_0", "1:30", "-.inf", "nan", "NaN", "Infinity", "inf", "snan", "Snan",
                      "yes", "Off", "TRUE", "false", "null", "~"])
    func plainNonTextIsRefused(_ plain: String) {
        #expect(throws: RulePackError.self) { try name(plain) }
    }

    @Test(arguments: ["Acme", "Sunset 2009", "e5", "Nancy", "infinite", "snow", "true story", "1.0 beta", "Zed"])
    func plainTextIsRead(_ plain: String) throws {
        #expect(try name(plain) == plain)
    }

    @Test func quotedNumbersAreText() throws {
        #expect(try name("\"1\"") == "1")
        #expect(try name("'yes'") == "yes")
    }

    @Test func blankTextIsRefused() {
        for blank in ["\"   \"", "\"\\u00a0\\u2003\"", "\"\\n\""] {
            #expect(throws: RulePackError.self, "\(blank)") { try name(blank) }
        }
        #expect((try? name("\"\\u00a0x\"")) == "\u{a0}x")
    }

    /// Whole numbers are read as Yams reads them, octal and hexadecimal included; quoted ones are text.
    @Test func wholeNumbersAreReadAsYamsReadsThem() throws {
        func number(_ yaml: String) throws -> Int {
            try StrictYAML.parse("n: \(yaml)\n", file: "t.yaml").fields(required: ["n"])["n"].int()
        }
        let cases: [(String, Int)] = [("0", 0), ("7", 7), ("19045", 19045), ("010", 8), ("0x1F", 31), ("1_000", 1000), ("-3", -3), ("+4", 4)]
        for (yaml, value) in cases {
            #expect(try number(yaml) == value, "\(yaml)")
        }
        for refused in ["\"12\"", "1.5", "twelve", "99999999999999999999"] {
            #expect(throws: RulePackError.self, "\(refused)") { try number(refused) }
        }
    }

    /// Keys equal in text and (full-schema) tag are refused by Yams; those that differ only
    /// in being quoted are refused by `fields(…)`, pointing at the key.
    @Test func duplicateKeysAreRefusedWhereTheyWereBefore() throws {
        #expect(refusal("a: 1\na: 2\n")?.contains("expected all keys to be unique") == true)
        #expect(refusal("a: 1\n'a': 2\n")?.contains("expected all keys to be unique") == true)
        #expect(refusal("!!str a: 1\na: 2\n")?.contains("expected all keys to be unique") == true)
        #expect(refusal("!!int 1: 1\n1: 2\n")?.contains("expected all keys to be unique") == true)
        #expect(refusal("\"1\": 1\n1: 2\n")?.contains("t.yaml:2:1 at '1': duplicate key '1'") == true)
        #expect(refusal("\"true\": 1\ntrue: 2\n")?.contains("duplicate key 'true'") == true)
        #expect(refusal("a: 1\n\"1\": 2\n") == nil)
    }
}

import SunsetRules
import Testing

/// The optional `registry-names` key of an installation signature.
@Suite struct RegistryNamesLoaderTests {
    /// The loader tests' valid pack with one more line in its installation signature.
    static func pack(_ line: String) -> String {
        AcmePack.text.replacingOccurrences(of: "    executables: [\"**/acme*.exe\"]\n",
                                                        with: "    executables: [\"**/acme*.exe\"]\n\(line)\n")
    }

    @Test func globsOnDisplayNamesLoadIntoTheSignatures() throws {
        let pack = try RulePackLoader.load(yaml: Self.pack("    registry-names: [\"Acme Ledger*\", \"Acme*\"]"), file: "acme.yaml")
        #expect(pack.signatures.registryNames == ["Acme Ledger*", "Acme*"])
        #expect(try RulePackLoader.load(yaml: AcmePack.text, file: "acme.yaml").signatures.registryNames.isEmpty)
    }

    @Test func aMisspeltKeyIsRefusedWithASuggestion() throws {
        #expect {
            try RulePackLoader.load(yaml: Self.pack("    registry-name: [\"Acme*\"]"), file: "acme.yaml")
        } throws: { error in
            "\(error)".contains("unknown key 'registry-name' — did you mean 'registry-names'?")
        }
    }

    @Test func theBuiltInPackNamesInvoice2go() throws {
        let pack = try #require(try PackSet.builtIn().first { $0.id == "invoice2go-classic" })
        #expect(pack.signatures.registryNames == ["Invoice2go*"])
    }
}

import SunsetCore
import SunsetRules
import Testing

/// Waivers: strict loading, matching by company name or path glob, expiry, unused waivers.
@Suite struct WaiverSetTests {
    static let rules = ["invoice2go-classic/backup-missing", "invoice2go-classic/backup-unreadable",
                        "invoice2go-classic/support-ended"]

    static func waivers(_ body: String) throws -> WaiverSet {
        try WaiverSet.load(yaml: "version: 1\nwaivers:\n" + body, file: "waivers.yaml", knownRules: rules)
    }

    /// Two companies without backups and one unreadable backup file, as of 2026-11-29.
    static func findings() throws -> [Finding] {
        var test = TestInventory(asOf: "2026-11-29")
        test.installation()
        test.company("Dupont", changedDaysAgo: 2)
        test.company("Martin", changedDaysAgo: 2)
        test.backup(of: "Martin", daysAgo: 9, readable: false)
        return try test.findings()
    }

    static let asOf = CalendarDay("2026-11-29")!

    @Test func aWaiverCoversTheFindingOfItsCompanyOnlyAndKeepsItVisible() throws {
        let waivers = try Self.waivers("""
          - rule: invoice2go-classic/backup-missing
            subject: dupont
            reason: The owner keeps a paper ledger and accepts the risk.
            expires: 2026-12-31
        """)
        let findings = waivers.apply(to: try Self.findings(), asOf: Self.asOf, language: .en)
        let missing = findings.filter { $0.ruleID == "invoice2go-classic/backup-missing" }
        #expect(missing.map(\.subject.name) == ["Dupont", "Martin"], "both stay in the results")
        #expect(missing.first { $0.subject.name == "Dupont" }?.waiver?.reason == "The owner keeps a paper ledger and accepts the risk.")
        #expect(missing.first { $0.subject.name == "Martin" }?.waiver == nil)
        #expect(!findings.contains { $0.ruleID.hasPrefix("sunset/") })
    }

    @Test func aPathGlobMatchesTheSubjectsPath() throws {
        let waivers = try Self.waivers("""
          - rule: invoice2go-classic/backup-unreadable
            subject: "Users/*/Backups/*.zip"
            reason: An old broken copy kept for the insurer.
            expires: 2027-01-31
        """)
        let findings = waivers.apply(to: try Self.findings(), asOf: Self.asOf, language: .en)
        let unreadable = try #require(findings.first { $0.ruleID == "invoice2go-classic/backup-unreadable" })
        #expect(unreadable.waiver != nil)
    }

    @Test func anExpiredWaiverNoLongerWaivesAndBecomesAFinding() throws {
        let waivers = try Self.waivers("""
          - rule: invoice2go-classic/backup-missing
            subject: Dupont
            reason: Waiting for the new PC.
            expires: 2026-11-28
        """)
        let findings = waivers.apply(to: try Self.findings(), asOf: Self.asOf, language: .en)
        #expect(findings.allSatisfy { $0.waiver == nil })
        let expired = try #require(findings.first { $0.ruleID == "sunset/waiver-expired" })
        #expect(expired.severity == .low)
        #expect(expired.subject.name == "waivers.yaml:3")
        #expect(expired.message.contains("ran until 2026-11-28") && expired.message.contains("Waiting for the new PC."))
        // On its last day it still applies.
        let lastDay = waivers.apply(to: try Self.findings(), asOf: CalendarDay("2026-11-28")!, language: .en)
        #expect(lastDay.contains { $0.waiver != nil } && !lastDay.contains { $0.ruleID.hasPrefix("sunset/") })
    }

    @Test func aWaiverThatMatchesNothingIsReported() throws {
        let waivers = try Self.waivers("""
          - rule: invoice2go-classic/backup-missing
            subject: Boulangerie Dupond
            reason: Misspelt on purpose.
            expires: 2027-01-31
        """)
        let findings = waivers.apply(to: try Self.findings(), asOf: Self.asOf, language: .fr)
        let unused = try #require(findings.first { $0.ruleID == "sunset/waiver-unused" })
        #expect(unused.severity == .info)
        #expect(unused.message.contains("« Boulangerie Dupond »"), "French text: \(unused.message)")
    }

    @Test(arguments: [
        ("  - rule: invoice2go-classic/backup-mising\n    subject: A\n    reason: r\n    expires: 2027-01-01\n", 3,
         "no rule 'invoice2go-classic/backup-mising' in the loaded packs — did you mean 'invoice2go-classic/backup-missing'?"),
        ("  - rule: invoice2go-classic/backup-missing\n    subject: A\n    expires: 2027-01-01\n", 3, "missing required key 'reason'"),
        ("  - rule: invoice2go-classic/backup-missing\n    subject: A\n    reason: r\n", 3, "missing required key 'expires'"),
        ("  - rule: invoice2go-classic/backup-missing\n    subject: A\n    reason: r\n    expires: 2027-02-30\n", 6,
         "'2027-02-30' is not a valid date"),
        ("  - rule: invoice2go-classic/backup-missing\n    subjet: A\n    reason: r\n    expires: 2027-01-01\n", 4,
         "unknown key 'subjet' — did you mean 'subject'?"),
    ])
    func aBrokenWaiverIsRefusedWithItsLine(body: String, line: Int, message: String) throws {
        #expect {
            _ = try Self.waivers(body)
        } throws: { error in
            let error = error as? RulePackError
            return error?.line == line && error?.description.hasPrefix("waivers.yaml:") == true
                && error?.description.contains(message) == true
        }
    }
}

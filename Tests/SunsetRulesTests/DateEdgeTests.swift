import SunsetCore
import SunsetRules
import Testing

/// The date edges of the Invoice2go Classic pack, on inventories judged by the engine.
@Suite struct DateEdgeTests {
    private func installed(asOf: String) -> TestInventory {
        var test = TestInventory(asOf: asOf)
        test.installation()
        return test
    }

    @Test func supportEndedFiresTheDayAfterTheLastDayOfSupport() throws {
        #expect(try installed(asOf: "2017-10-31").findings(of: "support-ended").isEmpty)
        let after = try installed(asOf: "2017-11-01").findings(of: "support-ended")
        #expect(after.count == 1)
        #expect(after.first?.message.contains("1 day ago") == true, "\(after)")
    }

    @Test func upgradeOfferIsOpenWithOneDayLeftOnTheEveOfItsDeadline() throws {
        let eve = installed(asOf: "2018-05-31")
        let open = try eve.findings(of: "upgrade-offer-open")
        #expect(open.count == 1)
        #expect(open.first?.message.contains("1 day left") == true, "\(open)")
        #expect(try eve.findings(of: "upgrade-offer-expired").isEmpty)
    }

    @Test func upgradeOfferExpiresOnItsDeadline() throws {
        let deadline = installed(asOf: "2018-06-01")
        #expect(try deadline.findings(of: "upgrade-offer-open").isEmpty)
        #expect(try deadline.findings(of: "upgrade-offer-expired").count == 1)
    }

    @Test(arguments: [(7, false), (8, true)])
    func aBackupIsStaleAfterSevenDays(days: Int, stale: Bool) throws {
        var test = TestInventory(asOf: "2026-11-29")
        test.company("Dupont", changedDaysAgo: 30)
        test.backup(of: "Dupont", daysAgo: days)
        let findings = try test.findings(of: "backup-stale")
        #expect(findings.count == (stale ? 1 : 0), "a \(days)-day-old backup: \(findings.map(\.message))")
        #expect(try test.findings(of: "backup-missing").isEmpty)
    }

    @Test func aBackupIsStaleWhenTheDataChangedMoreThanSevenDaysAfterIt() throws {
        // A file time in the future (a wrong clock) makes the lag the only sign.
        var test = TestInventory(asOf: "2026-11-29")
        test.company("Dupont", changedDaysAgo: -10)
        test.backup(of: "Dupont", daysAgo: 0)
        #expect(try test.findings(of: "backup-stale").count == 1)
    }

    @Test func warnWithinTurnsAnUpcomingSupportEndIntoAFinding() throws {
        let before = installed(asOf: "2017-10-01")
        #expect(try before.findings(of: "support-ending").isEmpty, "no warning window, no warning")
        let warned = try before.findings(of: "support-ending", warnWithin: 30)
        #expect(warned.count == 1)
        #expect(warned.first?.message.contains("30 days left") == true, "\(warned)")
        #expect(try before.findings(of: "support-ending", warnWithin: 29).isEmpty)
    }

    @Test func findingsComeWorstFirstThenByRuleAndSubject() throws {
        var test = TestInventory(asOf: "2026-11-29")
        test.installation()
        test.company("Zebra", changedDaysAgo: 3)
        test.company("Alpha", changedDaysAgo: 3)
        let findings = try test.findings()
        let keys = findings.map { ($0.severity.rank, $0.ruleID, $0.subject.name) }
        #expect(keys.map(\.0) == keys.map(\.0).sorted(by: >))
        let missing = findings.filter { $0.ruleID.hasSuffix("/backup-missing") }.map(\.subject.name)
        #expect(missing == ["Alpha", "Zebra"])
    }
}

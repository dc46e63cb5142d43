import SunsetCore
import SunsetRules
import Testing

/// The condition language on hand-made facts: date arithmetic, counts with filters, and
/// the rule that an unknown value makes a comparison false.
@Suite struct ConditionTests {
    static let asOf = CalendarDay("2026-11-29")!

    static func facts(_ values: [String: FactValue], collections: [String: [Facts]] = [:]) -> Facts {
        Facts(values.merging(["as-of": .date(asOf)]) { a, _ in a }, collections: collections)
    }

    static func day(_ text: String) -> FactValue { .date(CalendarDay(text)!) }

    @Test func daysSinceAndUntilCountFromTheAsOfDate() {
        let facts = Self.facts(["company.last-change": Self.day("2026-11-19")])
        #expect(Expression.daysSince("company.last-change").value(in: facts) == .number(10))
        #expect(Expression.daysUntil("company.last-change").value(in: facts) == .number(-10))
        #expect(Condition.compare(.daysSince("company.last-change"), .gt, .literal(.number(9))).holds(for: facts))
        #expect(!Condition.compare(.daysSince("company.last-change"), .gt, .literal(.number(10))).holds(for: facts))
    }

    @Test func daysBetweenGoesFromTheFirstDateToTheSecond() {
        let facts = Self.facts(["company.newest-backup-date": Self.day("2026-11-01"), "company.last-change": Self.day("2026-11-09")])
        #expect(Expression.daysBetween("company.newest-backup-date", "company.last-change").value(in: facts) == .number(8))
    }

    @Test func countFiltersTheItemsWithTheirOwnAndTheOuterFacts() {
        let backups = [
            Facts(["backup.readable": .flag(true), "backup.date": Self.day("2026-11-25")]),
            Facts(["backup.readable": .flag(true), "backup.date": Self.day("2026-10-01")]),
            Facts(["backup.readable": .flag(false), "backup.date": Self.day("2026-11-28")]),
        ]
        let facts = Self.facts([:], collections: ["company.backups": backups])
        let recentReadable = Condition.all([
            .compare(.fact("backup.readable"), .eq, .literal(.flag(true))),
            .compare(.daysSince("backup.date"), .le, .literal(.number(7))),
        ])
        #expect(Expression.count("company.backups", where: nil).value(in: facts) == .number(3))
        #expect(Expression.count("company.backups", where: recentReadable).value(in: facts) == .number(1))
        #expect(Expression.count("company.exports", where: nil).value(in: facts) == nil)
    }

    @Test func anUnknownValueMakesEveryComparisonFalseButExistsSeesIt() {
        let facts = Self.facts([:])
        let stale = Condition.compare(.daysSince("company.newest-backup-date"), .gt, .literal(.number(7)))
        let fresh = Condition.compare(.daysSince("company.newest-backup-date"), .le, .literal(.number(7)))
        #expect(!stale.holds(for: facts) && !fresh.holds(for: facts))
        #expect(Condition.not(stale).holds(for: facts))
        #expect(Condition.exists(.fact("company.newest-backup-date"), false).holds(for: facts))
    }

    @Test func textComparesWithoutCaseAndFactsCompareWithFacts() {
        let facts = Self.facts(["host.family": .text("Windows"), "warn-within": .number(30), "company.data-files": .number(30)])
        #expect(Condition.compare(.fact("host.family"), .eq, .literal(.text("windows"))).holds(for: facts))
        #expect(Condition.compare(.fact("company.data-files"), .le, .fact("warn-within")).holds(for: facts))
    }

    /// A pack whose rule condition is `condition`, to check what loading says about it.
    static func pack(when condition: String) -> String {
        AcmePack.text.replacingOccurrences(of: "when: {days-since: product.support-end, gt: 0}", with: "when: \(condition)")
    }

    @Test(arguments: [
        ("{days-until: product.support-end, le: {fact: product.name}}", "is number, but 'product.name' is text"),
        ("{fact: product.installations, where: {fact: x, eq: 1}, gt: 0}", "'where' filters a 'count' only"),
        ("{fact: product.installations, gt: 0, lt: 5}", "a comparison needs exactly one of eq, ne, lt, le, gt, ge, exists"),
        ("{fact: installations, gt: 0}", "'installations' is a collection; compare its size with {count: installations"),
        ("{days-between: [product.support-end], gt: 0}", "'days-between' takes two date facts"),
        ("{all: [], any: []}", "'all' must stand alone in its mapping"),
        ("{fact: company.name, eq: x}", "unknown fact 'company.name'"),
        ("{count: backups, where: {fact: company.name, eq: x}, gt: 0}", "unknown fact 'company.name'"),
    ])
    func badConditionsAreRefused(condition: String, message: String) throws {
        #expect {
            _ = try RulePackLoader.load(yaml: Self.pack(when: condition), file: "acme.yaml")
        } throws: { error in
            let error = error as? RulePackError
            return error?.line == 29 && error?.description.contains(message) == true
        }
    }

    /// `backup.readable` is not a fact of an installation rule, but it is inside a `where`
    /// over `backups`; the pack's examples still hold with the extra clause.
    @Test func aCountsWhereSeesTheFactsOfItsItems() throws {
        let text = Self.pack(when: "{all: [{days-since: product.support-end, gt: 0}, {count: backups, where: {fact: backup.readable, eq: false}, eq: 0}]}")
        let pack = try RulePackLoader.load(yaml: text, file: "acme.yaml")
        #expect(pack.rules[0].condition.factNames == ["backup.readable", "backups", "product.support-end"])
        #expect {
            _ = try RulePackLoader.load(yaml: Self.pack(when: "{fact: backup.readable, eq: false}"), file: "acme.yaml")
        } throws: { error in
            "\(error)".contains("unknown fact 'backup.readable'")
        }
    }
}

import SunsetCorpus
import Testing

/// The scorer itself: it must be able to fail, or the corpus proves nothing.
@Suite struct ScorerTests {
    let backupMissing = FindingKey(rule: "backup-missing", subject: "company Dupont")
    let supportEnded = FindingKey(rule: "support-ended", subject: "installation c/Program Files/Invoice2go")
    let tick = TickKey(company: "Dupont", step: "backup-each-company")
    let dupont = ExpectedResults.Company(name: "Dupont", root: "c", folder: "Users/a/Documents/Invoice2go/Dupont",
                                         dataFiles: ["company.mdb"], backups: ["c/backup.zip"])
    var observedDupont: ObservedResults.Company {
        ObservedResults.Company(name: "Dupont", root: "c", folder: "Users/a/Documents/Invoice2go/Dupont",
                                dataFiles: ["company.mdb"])
    }

    @Test func aPerfectResultScoresFullMarks() {
        let expected = ExpectedResults(companies: [dupont], findings: [backupMissing, supportEnded], ticks: [tick])
        let observed = ObservedResults(findings: [backupMissing, supportEnded], ticks: [tick], companies: [observedDupont],
                                       backupsByCompany: ["Dupont": ["c/backup.zip"]])
        let score = Scorer.score(name: "perfect", expected: expected, observed: observed)
        #expect(score.misses.isEmpty)
        #expect(score.findings == CaseScore.Counts(truePositives: 2))
        #expect(score.findings.precision == 1 && score.findings.recall == 1)
        #expect(score.ticks.precision == 1 && score.ticks.recall == 1)
    }

    @Test func aMissingFindingLowersRecallOnly() {
        let expected = ExpectedResults(findings: [backupMissing, supportEnded])
        let score = Scorer.score(name: "case", expected: expected, observed: ObservedResults(findings: [supportEnded]))
        #expect(score.findings.recall == 0.5)
        #expect(score.findings.precision == 1)
        #expect(score.misses == ["case: missing finding backup-missing · company Dupont"])
    }

    @Test func anExtraFindingLowersPrecisionOnly() {
        let score = Scorer.score(name: "case", expected: ExpectedResults(findings: [supportEnded]),
                                 observed: ObservedResults(findings: [supportEnded, backupMissing]))
        #expect(score.findings.precision == 0.5)
        #expect(score.findings.recall == 1)
        #expect(score.misses == ["case: unexpected finding backup-missing · company Dupont"])
    }

    @Test func anExtraFindingIsNoMissWhenTheListIsNotExhaustive() {
        let expected = ExpectedResults(findings: [supportEnded], findingsExhaustive: false)
        let score = Scorer.score(name: "case", expected: expected, observed: ObservedResults(findings: [supportEnded, backupMissing]))
        #expect(score.misses.isEmpty)
        #expect(score.findings.precision == 1)
    }

    @Test func aWrongTickLowersTickPrecision() {
        let score = Scorer.score(name: "case", expected: ExpectedResults(), observed: ObservedResults(ticks: [tick]))
        #expect(score.ticks.precision == 0)
        #expect(score.misses == ["case: unexpected tick backup-each-company · Dupont"])
    }

    @Test func aDetectionThatDiffersIsAMiss() {
        var wrong = observedDupont
        wrong.folder = "Users/a/Documents/Invoice2go"
        let observed = ObservedResults(companies: [wrong], exportsByCompany: ["Dupont": ["c/Desktop/clients.csv"]],
                                       unattributedBackups: ["c/backup.zip"])
        let score = Scorer.score(name: "case", expected: ExpectedResults(companies: [dupont]), observed: observed)
        #expect(score.misses == [
            "case: company 'Dupont': folder 'c/Users/a/Documents/Invoice2go', expected 'c/Users/a/Documents/Invoice2go/Dupont'",
            "case: company 'Dupont' backup missing: c/backup.zip",
            "case: company 'Dupont' export unexpected: c/Desktop/clients.csv",
            "case: unattributed backup unexpected: c/backup.zip",
        ])
    }

    @Test func aCompanyNotFoundAndAnUnexpectedOneAreMisses() {
        var other = observedDupont
        other.name = "Martin"
        let observed = ObservedResults(companies: [other], backupsByCompany: ["Dupont": ["c/backup.zip"], "Ghost": ["c/g.zip"]])
        let score = Scorer.score(name: "case", expected: ExpectedResults(companies: [dupont]), observed: observed)
        #expect(score.misses == ["case: company 'Dupont' not found",
                                 "case: unexpected company 'Martin' at c/Users/a/Documents/Invoice2go/Dupont (data files: company.mdb)",
                                 "case: backup c/g.zip attributed to 'Ghost', which is no company"])
    }

    @Test func totalsAddTheCounts() {
        let a = CaseScore(name: "a", findings: .init(truePositives: 3, falseNegatives: 1), misses: ["a: x"])
        let b = CaseScore(name: "b", findings: .init(truePositives: 1, falsePositives: 1))
        let total = CaseScore.total([a, b])
        #expect(total.findings == CaseScore.Counts(truePositives: 4, falsePositives: 1, falseNegatives: 1))
        #expect(total.findings.precision == 0.8 && total.findings.recall == 0.8)
        #expect(total.misses == ["a: x"])
    }
}

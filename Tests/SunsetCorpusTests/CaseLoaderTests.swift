import Foundation
import SunsetCorpus
import Testing

/// Case files load strictly: a misspelt key names the file instead of passing unnoticed.
@Suite struct CaseLoaderTests {
    let folder = URL(fileURLWithPath: "/tmp")

    func text(files: String = "{path: a.mdb, sample: access, days-ago: 3}", expected: String = "{}") -> String {
        """
        description: a case
        as-of: 2026-11-29
        layout:
          - root: c
            files:
              - \(files)
        expected: \(expected)
        """
    }

    @Test func aWellFormedCaseLoads() throws {
        let loaded = try CaseLoader.parse(text(expected: "{findings: [{rule: backup-missing, company: A}], ticks: {A: [x]}}"),
                                          file: "ok.yaml", folder: folder)
        #expect(loaded.name == "ok")
        #expect(loaded.roots.map(\.name) == ["c"])
        #expect(loaded.expected.findings == [FindingKey(rule: "backup-missing", subject: "company A")])
        #expect(loaded.expected.ticks == [TickKey(company: "A", step: "x")])
    }

    @Test func anUnknownKeyIsAnErrorNamingTheFile() {
        #expect(throws: CorpusError.self) {
            try CaseLoader.parse(text(files: "{path: a.mdb, sample: access, days-ago: 3, dayz: 1}"), file: "bad.yaml", folder: folder)
        }
        do {
            _ = try CaseLoader.parse(text(expected: "{finding: []}"), file: "bad.yaml", folder: folder)
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.localizedDescription.contains("bad.yaml"))
            #expect(error.localizedDescription.contains("unknown key 'finding'"))
        }
    }

    @Test func anUnknownSampleIsAnError() {
        #expect(throws: CorpusError.self) {
            try CaseLoader.parse(text(files: "{path: a.mdb, sample: accdb, days-ago: 3}"), file: "bad.yaml", folder: folder)
        }
    }
}

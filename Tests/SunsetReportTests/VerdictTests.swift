import Foundation
import SunsetCore
import SunsetFixtures
import SunsetReport
import Testing

/// "Nothing found" is the worst answer when it is wrong: it is said plainly only when every
/// place could be read, and is qualified otherwise.
@Suite struct VerdictTests {
    private func verdict(_ results: AuditResults) throws -> String {
        let markdown = try render(.md, ReportInput(results: results, language: .en, packs: []))
        return markdown
    }

    private func empty(gaps: Int) -> AuditResults {
        var inventory = Inventory(roots: [ScanRoot(index: 0, path: "/media/usb", isWindowsVolume: false, host: .none)])
        for index in 0..<gaps {
            inventory.coverage.gaps.append(.init(location: Location(root: 0, path: VolumePath("locked \(index)")),
                                                 reason: "permission denied"))
        }
        return AuditResults(tool: ToolInfo(), asOf: fixedDay, packs: [], inventory: inventory, findings: [], checklist: [])
    }

    @Test func nothingFoundIsPlainOnlyWhenEverythingWasRead() throws {
        #expect(try verdict(empty(gaps: 0)).contains("No discontinued software or its data was found."))
        let unsure = try verdict(empty(gaps: 2))
        #expect(!unsure.contains("No discontinued software or its data was found."))
        #expect(unsure.contains("but 2 places could not be read"))
        #expect(try verdict(empty(gaps: 1)).contains("but 1 place could not be read"))
    }

    /// French agreements: the verdict speaks of "la gravité" (feminine), the risk line of "le
    /// niveau de risque" (masculine); and no checklist at all is not "every step is done".
    @Test func theVerdictAgreesWithSeverityAndNoChecklistIsNoAllClear() throws {
        var results = empty(gaps: 0)
        for name in ["A", "B"] {
            results.findings.append(Finding(ruleID: "end-of-life/os-security-support-ended", severity: .high,
                                            subject: Subject(kind: .program, name: name), title: "t", message: "m",
                                            remediation: "r", evidence: [], fingerprint: name))
        }
        let french = try render(.md, ReportInput(results: results, language: .fr, packs: []))
        #expect(french.contains("la gravité la plus haute est élevée."))
        #expect(french.contains("**Niveau de risque\u{00A0}:** élevé"))
        let english = try render(.md, ReportInput(results: results, language: .en, packs: []))
        #expect(english.contains("No migration checklist applies"))
        #expect(!english.contains("Every step of the checklist is done."))
    }

    @Test func aPlainFolderSaysWhatItIs() throws {
        let markdown = try verdict(empty(gaps: 0))
        #expect(markdown.contains("a folder: a copy or an external disk"))
        #expect(markdown.contains("none (a plain folder carries no operating system of its own)"))
    }
}

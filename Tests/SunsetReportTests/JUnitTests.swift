import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SunsetCore
import SunsetFixtures
import SunsetReport
import Testing

/// `results.junit.xml` parsed back with Foundation's XML parser: well-formed, a suite per
/// pack, a case per rule and subject, failures exactly the findings at or above `--fail-on`.
@Suite struct JUnitTests {
    /// What the parser saw.
    final class Counter: NSObject, XMLParserDelegate {
        var suites: [String] = []
        var cases: [(rule: String, name: String)] = []
        var failures = 0, skipped = 0
        var rootCounts: [String: String] = [:]

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch element {
            case "testsuites": rootCounts = attributes
            case "testsuite": suites.append(attributes["name"] ?? "")
            case "testcase": cases.append((attributes["classname"] ?? "", attributes["name"] ?? ""))
            case "failure": failures += 1
            case "skipped": skipped += 1
            default: break
            }
        }
    }

    func parse(_ xml: String) throws -> Counter {
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = Counter()
        parser.delegate = counter
        let parsed = parser.parse()
        #expect(parsed, "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")")
        return counter
    }

    @Test(arguments: [Severity.high, .critical, .info])
    func failuresAreTheFindingsAtOrAboveTheThreshold(failOn: Severity) throws {
        let volume = try sampleVolume("junit-\(failOn)")
        defer { volume.remove() }
        var input = try judge(volume)
        input.failOn = failOn
        let counter = try parse(try render(.junit, input))
        let findings = input.results.findings
        #expect(counter.suites == ["end-of-life", "invoice2go-classic"])
        #expect(counter.failures == findings.filter { $0.severity >= failOn }.count)
        #expect(counter.rootCounts["failures"] == String(counter.failures))
        #expect(counter.rootCounts["tests"] == String(counter.cases.count))
        // One case per rule and subject: company rules on 3 companies, installation rules on the
        // one installation, file rules on the one broken backup, host rules on the one host.
        // Program rules run on each installed program that lifecycle data knows (the host's system
        // included), except those a product pack judges itself (Invoice2go 7).
        let pack = try #require(input.packs.first { $0.id == "invoice2go-classic" })
        let companyRules = pack.rules.filter { $0.scope == .company }.count
        let installationRules = pack.rules.filter { $0.scope == .installation }.count
        let fileRules = pack.rules.filter { $0.scope == .file }.count
        let hostRules = pack.rules.filter { $0.scope == .host }.count
        let programRules = try #require(input.packs.first { $0.id == "end-of-life" }).rules.count
        let programs = (input.results.inventory.installedPrograms ?? []).filter { $0.lifecycle != nil && $0.lifecycle?.judgedBy == nil }.count
        #expect((input.results.inventory.installedPrograms ?? []).contains { $0.lifecycle?.judgedBy == "invoice2go-classic" })
        #expect(counter.cases.count == companyRules * 3 + installationRules + fileRules + hostRules + programRules * programs)
        for finding in findings {
            #expect(counter.cases.contains { $0.rule == finding.ruleID && $0.name.hasSuffix(finding.subject.name) },
                    "no case for \(finding.ruleID) on \(finding.subject.name)")
        }
    }

    @Test func aWaivedFindingIsSkippedAndControlCharactersKeepTheXMLWellFormed() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        try volume.file("Users/marie/Documents/Invoice2go/Bell\u{7} & <Co>/company.mdb", Samples.accessDatabase(), modified: daysAgo(1))
        var input = try judge(volume)
        let index = try #require(input.results.findings.firstIndex { $0.ruleID.hasSuffix("backup-missing") })
        input.results.findings[index].waiver = Waiver(rule: "invoice2go-classic/backup-missing", subject: "Bell",
                                                      reason: "paper copies \"only\"", expires: fixedDay.adding(days: 30))
        let xml = try render(.junit, input)
        let counter = try parse(xml)
        #expect(counter.skipped == 1)
        #expect(xml.contains("Bell\u{FFFD} &amp; &lt;Co&gt;"))
        #expect(counter.failures == input.results.findings.filter { $0.waiver == nil && $0.severity >= .high }.count)
    }
}

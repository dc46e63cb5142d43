import Foundation
import SunsetCore
@testable import SunsetRules
import Testing

/// The importer expands endoflife.date's templates as the site does, treats every YAML null
/// as absent, refuses the Liquid it does not read, and no committed pack keeps a template.
@Suite struct LifecycleTemplateTests {
    func load(_ text: String) throws -> [String: LifecycleCycle] {
        let source = try EndOfLifeSource.load(text, file: "test.yaml", id: "test")
        return Dictionary(uniqueKeysWithValues: source.cycles.map { ($0.cycle, $0) })
    }

    // MARK: - Labels

    @Test func aLabelTakesTheReleasesOwnCodename() throws {
        let cycles = try load("""
            title: SQL
            releases:
              - releaseCycle: "16.0"
                codename: Dallas
                releaseLabel: "2022 '__CODENAME__'"
                eol: 2033-01-11
              - releaseCycle: "11.0-sp4"
                codename: Denali
                releaseLabel: "2012 '__CODENAME__' SP4"
                eol: 2022-07-12
            """)
        #expect(cycles["16.0"]?.label == "2022 'Dallas'")
        #expect(cycles["11.0-sp4"]?.label == "2012 'Denali' SP4")
    }

    @Test func aMissingCodenameLeavesNoEmptyQuotes() throws {
        let cycles = try load("""
            title: SQL
            releaseLabel: "__CODENAME__ - __RELEASE_CYCLE__"
            releases:
              - releaseCycle: "16.0"
                releaseLabel: "2022 '__CODENAME__'"
              - releaseCycle: "11.0-sp4"
                codename: null
                releaseLabel: "2012 '__CODENAME__' SP4"
              - releaseCycle: "10"
                releaseLabel: "OS X __RELEASE_CYCLE__ (__CODENAME__)"
              - releaseCycle: "17.0"
            """)
        #expect(cycles["16.0"]?.label == "2022")
        #expect(cycles["11.0-sp4"]?.label == "2012 SP4")
        #expect(cycles["10"]?.label == "OS X 10")
        #expect(cycles["17.0"]?.label == "17.0")
    }

    @Test func theProductLabelServesReleasesWithoutOne() throws {
        let cycles = try load("""
            title: Apple macOS
            releaseLabel: "macOS __RELEASE_CYCLE__ (__CODENAME__)"
            releases:
              - releaseCycle: "14"
                codename: Sonoma
                eol: false
              - releaseCycle: "10.9"
                codename: Mavericks
                releaseLabel: "OS X __RELEASE_CYCLE__ (__CODENAME__)"
                eol: 2016-12-13
            """)
        #expect(cycles["14"]?.label == "macOS 14 (Sonoma)")
        #expect(cycles["10.9"]?.label == "OS X 10.9 (Mavericks)")
    }

    // MARK: - Links

    @Test func theChangelogTemplateIsRenderedWithTheReplaceFilter() throws {
        let cycles = try load("""
            title: Blender
            changelogTemplate: https://www.blender.org/download/releases/{{"__RELEASE_CYCLE__" | replace:'.','-'}}/
            releases:
              - releaseCycle: "4.2"
                eol: 2026-07-16
              - releaseCycle: "2.83"
                eol: 2022-06-01
                link: https://example.org/own/__LATEST__
                latest: "2.83.20"
            """)
        #expect(cycles["4.2"]?.link == "https://www.blender.org/download/releases/4-2/")
        #expect(cycles["2.83"]?.link == "https://example.org/own/2.83.20")
    }

    @Test func anIfElseTemplatePicksItsBranch() throws {
        let cycles = try load("""
            title: Oracle JDK
            changelogTemplate: "https://example.org/{{'__LATEST__'|replace:'.','-'}}-{% if '__RELEASE_CYCLE__'=='__LATEST__' %}issues{% else %}notes{% endif %}.html"
            releases:
              - releaseCycle: "22"
                latest: "22.0.2"
                latestReleaseDate: 2024-07-16
              - releaseCycle: "9"
                latest: "9"
            """)
        #expect(cycles["22"]?.link == "https://example.org/22-0-2-notes.html")
        #expect(cycles["9"]?.link == "https://example.org/9-issues.html")
    }

    @Test func aNullLinkIsNoLinkInEverySpelling() throws {
        let cycles = try load("""
            title: Chrome
            changelogTemplate: https://developer.chrome.com/release-notes/__RELEASE_CYCLE__
            releases:
              - releaseCycle: "151"
              - releaseCycle: "110"
                link: null
              - releaseCycle: "109"
                link: ~
              - releaseCycle: "108"
                link:
              - releaseCycle: "107"
                link: NULL
            """)
        #expect(cycles["151"]?.link == "https://developer.chrome.com/release-notes/151")
        for cycle in ["110", "109", "108", "107"] {
            #expect(cycles[cycle]?.link == nil, "cycle \(cycle)")
        }
    }

    @Test func aLinkThatNeedsAMissingFieldIsLeftOut() throws {
        let cycles = try load("""
            title: Firefox
            changelogTemplate: https://www.mozilla.org/firefox/__LATEST__/releasenotes/
            releases:
              - releaseCycle: "121"
                latest: "121.0.1"
              - releaseCycle: "1"
            """)
        #expect(cycles["121"]?.link == "https://www.mozilla.org/firefox/121.0.1/releasenotes/")
        #expect(cycles["1"]?.link == nil)
    }

    @Test func everyNullFieldIsAbsent() throws {
        let cycles = try load("""
            title: Test
            releaseLabel: null
            releases:
              - releaseCycle: "1"
                releaseLabel: ~
                eol: null
                eoas:
                latest: null
                releaseDate: null
                lts: null
            """)
        let cycle = try #require(cycles["1"])
        #expect(cycle.label == nil && cycle.securitySupportEnd == nil && cycle.activeSupportEnd == nil)
        #expect(cycle.latest == nil && cycle.released == nil && !cycle.lts)
    }

    // MARK: - Refusals

    @Test(arguments: [
        "https://example.org/{% for x in list %}{{ x }}{% endfor %}",
        "https://example.org/{{ '__RELEASE_CYCLE__' | upcase }}",
        "https://example.org/{{ page.title }}",
        "https://example.org/{% if '__RELEASE_CYCLE__' == '1' %}one",
        "https://example.org/{{ '__RELEASE_CYCLE__' ",
        "https://example.org/__VERSION__",
    ])
    func anUnsupportedTemplateStopsTheImportAtItsLine(_ template: String) throws {
        let text = "title: Test\nreleases:\n  - releaseCycle: \"1\"\n    link: \"\(template)\"\n"
        let error = #expect(throws: RulePackError.self) { try EndOfLifeSource.load(text, file: "test.yaml", id: "test") }
        #expect(error?.line == 4)
        #expect(error?.description.hasPrefix("test.yaml:4:") == true)
    }

    // MARK: - The committed packs

    @Test func noGeneratedPackHoldsATemplateOrANull() throws {
        let folders = ["Rules/lifecycle", "Rules/os"].map { LifecycleImportTests.repository.appendingPathComponent($0) }
        var checked = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".yaml") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                for (number, line) in text.components(separatedBy: "\n").enumerated() {
                    let bad = line.contains(#/__[A-Z]+(?:_[A-Z]+)*__/#) || line.contains("{{") || line.contains("}}")
                        || line.contains("{%") || line.contains("%}") || line.contains(#/:\s*"null"/#)
                    #expect(!bad, "\(name):\(number + 1): \(line)")
                }
                checked += 1
            }
        }
        #expect(checked >= 21)
    }
}

import Foundation
import SunsetFixtures
import SunsetReport
import Testing

/// `report.html` is one self-contained, accessible page.
@Suite struct HTMLPageTests {
    func page(_ name: String) throws -> String {
        let volume = try sampleVolume(name)
        defer { volume.remove() }
        return try render(.html, try judge(volume))
    }

    @Test func itLoadsNothingFromOutsideAndRunsNoScript() throws {
        let html = try page(#function)
        let tags = try htmlStartTags(html)
        for tag in ["script", "link", "img", "iframe", "object", "embed"] { #expect(!tags.contains(tag), "<\(tag)> found") }
        // The timeline's SVG namespace is a name, not a reference: nothing is fetched from it.
        let outside = html.replacingOccurrences(of: #"xmlns="http://www.w3.org/2000/svg""#, with: "")
        for needle in ["src=", "url(", "@import", "http://", "https://"] { #expect(!outside.contains(needle), "\(needle) found") }
        #expect(html.contains("<style>"))
    }

    @Test func itHasRealHeadingsScopedTableHeadersAndStatesInWords() throws {
        let html = try page(#function)
        #expect(html.components(separatedBy: "<h1>").count == 2, "exactly one h1")
        for id in ["glance", "next", "timeline", "checklist", "findings", "inventory", "coverage"] {
            #expect(html.contains("<section id=\"\(id)\">\n<h2>"), "section \(id) lacks its h2")
        }
        #expect(!html.contains("<th>"), "a table header without scope")
        let headers = html.components(separatedBy: "<th ").dropFirst()
        #expect(headers.count > 10)
        for header in headers { #expect(header.hasPrefix("scope=\"col\"") || header.hasPrefix("scope=\"row\"")) }
        // Colour is never the only signal: every state and severity badge carries its word.
        #expect(!html.contains("state-done\"><span aria-hidden=\"true\">☑</span> </span>"))
        #expect(html.contains("<span aria-hidden=\"true\">☑</span> done</span>"))
        #expect(html.contains("<span aria-hidden=\"true\">☐</span> to do</span>"))
        #expect(html.contains("<span class=\"badge sev-critical\">critical</span>"))
    }

    @Test func headingsNeverSkipALevelAndFollowTheOrderForPeople() throws {
        let html = try page(#function)
        let levels = html.matches(of: /<h([1-6])[ >]/).map { Int($0.1)! }
        #expect(levels.first == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) { #expect(next <= previous + 1, "h\(previous) then h\(next)") }
        let order = ["verdict-heading", "glance", "next", "timeline", "checklist", "findings", "inventory", "coverage"]
        let places = order.map { html.range(of: "id=\"\($0)\"")?.lowerBound }
        #expect(places.allSatisfy { $0 != nil } && zip(places, places.dropFirst()).allSatisfy { $0! < $1! }, "sections out of order")
    }

    @Test func itAdaptsToPhonesDarkModeAndPrint() throws {
        let html = try page(#function)
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("@media (prefers-color-scheme: dark)"))
        #expect(html.contains("@media print"))
        #expect(html.contains("@media (max-width: 40rem)"))
        // Evidence folds away on screen and unfolds on paper.
        #expect(html.contains("<details><summary>Evidence</summary>"))
        #expect(html.contains("details::details-content { display: contents; content-visibility: visible; }"))
    }
}

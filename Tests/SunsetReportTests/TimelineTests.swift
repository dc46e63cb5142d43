import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SunsetCore
import SunsetFixtures
@testable import SunsetReport
import SunsetRules
import Testing

/// The timeline picture: well-formed XML, every date of its table in it, nothing that loads
/// or runs anything, and names of any length.
@Suite struct TimelineTests {
    /// Element names and attribute names of an XML text; fails the test when it is not well-formed.
    func parse(_ xml: String) throws -> (elements: [String], attributes: [String: String]) {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [String] = []
            var attributes: [String: String] = [:]
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String]) {
                elements.append(name)
                for (key, value) in attributes { self.attributes[key] = value }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        return (collector.elements, collector.attributes)
    }

    func svg(of html: String) throws -> String {
        let start = try #require(html.range(of: "<svg "), "no inline SVG in the page")
        let end = try #require(html.range(of: "</svg>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    func check(_ input: ReportInput, language: Language) throws {
        let html = String(decoding: try HTMLReporter(templates: .builtIn()).render(input), as: UTF8.self)
        let picture = try svg(of: html)
        let (elements, attributes) = try parse(picture)
        #expect(elements.first == "svg")
        #expect(!elements.contains { ["script", "foreignObject", "image", "use", "a", "style"].contains($0) }, "\(Set(elements))")
        #expect(!attributes.keys.contains { $0.lowercased().hasPrefix("on") || $0.contains("href") || $0 == "src" })
        #expect(!picture.contains("url(") && !picture.contains("@import"))
        #expect(!picture.replacingOccurrences(of: #"xmlns="http://www.w3.org/2000/svg""#, with: "").contains("http"))
        let labels = try TemplateSet.builtIn().labels(language)
        let events = Timeline(input, labels: labels).events
        #expect(events.count > 5)
        for event in events {
            let date = XMLText.content(labels.day(event.day))
            #expect(picture.contains(">\(date)</text>"), "the picture lacks \(date) (\(event.text))")
            #expect(html.contains("<time datetime=\"\(event.day)\">\(labels.day(event.day))</time></td>"), "the table lacks \(event.text)")
        }
    }

    @Test(arguments: [Language.en, .fr])
    func theSamplesTimelineIsSafeXMLWithEveryDateOfItsTable(language: Language) throws {
        let volume = try sampleVolume("timeline-\(language)")
        defer { volume.remove() }
        try check(try judge(volume, language: language), language: language)
    }

    @Test func longAndHostileCompanyNamesAreCutAndEscaped() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        var input = try judge(volume)
        let long = "Établissements <Dupont> & Fils " + String(repeating: "très longue raison sociale ", count: 8)
        input.results.inventory.companies[0].name = long
        try check(input, language: .en)
        let picture = try svg(of: String(decoding: try HTMLReporter(templates: .builtIn()).render(input), as: UTF8.self))
        #expect(picture.contains("Établissements &lt;Dupont&gt; &amp; Fils"))
        let labels = picture.split(separator: "\n").filter { $0.contains("class=\"tl-label\"") }
        for label in labels {
            let text = label.split(separator: ">").dropFirst().first.map { $0.split(separator: "<").first ?? "" } ?? ""
            #expect(text.count <= TimelineSVG.labelLimit + 10, "label too long for a phone: \(text)")  // + "&lt;&gt;&amp;"
        }
    }

    @Test func yearMarksStayFew() {
        let start = CalendarDay(year: 1990, month: 3, day: 1)!, end = CalendarDay(year: 2026, month: 12, day: 2)!
        let years = TimelineSVG.years(from: start, to: end)
        #expect(years.count <= 7 && years.count >= 3 && years.allSatisfy { $0 >= 1991 && $0 <= 2026 }, "\(years)")
        #expect(TimelineSVG.years(from: end, to: end.adding(days: 10)) == [])
    }
}

import Foundation
import SunsetCore
import SunsetReport
import Testing

/// Scanned names never turn into Markdown markup.
@Suite struct MarkdownEscapingTests {
    @Test func aCompanyNameWithMarkupCharactersIsShownAsWritten() throws {
        let name = "a|b <i>x</i> [link](y) `z`"
        let company = Company(product: "invoice2go-classic", name: name,
                              folder: Location(root: 0, path: VolumePath("Users/m/Documents/Invoice2go/\(name)")),
                              dataFiles: [], evidence: [])
        let results = AuditResults(tool: ToolInfo(), asOf: CalendarDay("2026-11-29")!, packs: [],
                                   inventory: Inventory(companies: [company]), findings: [], checklist: [])
        let markdown = String(decoding: try MarkdownReporter(templates: .builtIn()).render(results, language: .en), as: UTF8.self)
        #expect(markdown.contains(#"a\|b \<i\>x\</i\> \[link\](y) \`z\`"#), "\(markdown)")
        #expect(!markdown.contains("<i>"))
    }
}

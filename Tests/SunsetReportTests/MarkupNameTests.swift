import Foundation
import SunsetFixtures
import SunsetReport
import Testing

/// File and company names are data: in HTML and Markdown they appear escaped, never as markup.
///
/// Linux names cannot hold "/", so `<script>alert(1)</script>.pdf` cannot be one file name.
/// The closest honest form: a folder `<script>alert(1)<` inside a company folder holding a
/// PDF named `script>.pdf` — the reports list the data file relative to the company folder as
/// exactly `<script>alert(1)</script>.pdf`. A second company's folder (and so its name) is
/// `<img src=x onerror=alert(1)>`, and a third file name holds a pipe, backticks, brackets and
/// a newline.
@Suite struct MarkupNameTests {
    static let script = "<script>alert(1)</script>.pdf"
    static let image = "<img src=x onerror=alert(1)>"
    static let tricky = "a|b `c` [d](e) *f*\nsecond line.pdf"

    func volume(_ name: String) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        let dupont = "Users/marie/Documents/Invoice2go/Boulangerie Dupont"
        try volume.file("\(dupont)/company.mdb", Samples.accessDatabase("Dupont"), modified: daysAgo(2))
        try volume.file("\(dupont)/<script>alert(1)</script>.pdf", Samples.pdf("x"), modified: daysAgo(2))
        try volume.file("\(dupont)/\(Self.tricky)", Samples.pdf("y"), modified: daysAgo(2))
        try volume.file("Users/marie/Documents/Invoice2go/\(Self.image)/company.mdb", Samples.accessDatabase("Img"),
                        modified: daysAgo(3))
        return volume
    }

    @Test func theHTMLShowsTheNamesEscapedAndHasNoScriptOrImageElement() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let html = try render(.html, try judge(volume))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.pdf"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        let tags = try htmlStartTags(html)
        #expect(!tags.contains("script") && !tags.contains("img"), "elements: \(tags.sorted())")
    }

    @Test func theMarkdownEscapesTheNamesAndGitHubsRendererShowsThemAsText() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let markdown = try render(.md, try judge(volume))
        #expect(markdown.contains(#"\<script\>alert(1)\</script\>.pdf"#))
        #expect(markdown.contains(#"#### \<img src=x onerror=alert(1)\>"#))
        #expect(markdown.contains(#"a\|b \`c\` \[d\](e) \*f\* second line.pdf"#))
        #expect(!markdown.replacingOccurrences(of: "\\<", with: "").contains("<"), "an unescaped < in the Markdown")

        // cmark-gfm (GitHub's renderer), with raw HTML let through, must still see only text.
        let rendered = try runTool(["cmark-gfm", "--unsafe", "-e", "table", "-e", "autolink"], stdin: Data(markdown.utf8))
        try #require(rendered.status == 0, "cmark-gfm is needed (apt-get install cmark-gfm): \(rendered.stderr)")
        let tags = try htmlStartTags(rendered.stdout)
        #expect(!tags.contains("script") && !tags.contains("img"), "elements: \(tags.sorted())")
        #expect(rendered.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;.pdf"))
        #expect(rendered.stdout.contains("a|b `c` [d](e) *f* second line.pdf"))
        #expect(!rendered.stdout.contains("<code>c</code>") && !rendered.stdout.contains("<em>f</em>"))
    }

    @Test func theSARIFOfSuchAVolumeStaysValidWithPercentEncodedURIs() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let sarif = try render(.sarif, try judge(volume))
        #expect(sarif.contains("Users/marie/Documents/Invoice2go/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E"))
        try SARIFTests.validate(sarif)
    }
}

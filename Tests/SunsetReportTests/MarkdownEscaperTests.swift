@testable import SunsetReport
import Testing

/// The Markdown escaper on its own: markup characters anywhere, block starters only at the start.
@Suite struct MarkdownEscaperTests {
    @Test(arguments: [
        ("plain name.pdf", "plain name.pdf"),
        ("a|b`c*d_e[f]g<h>i~j&k\\l", #"a\|b\`c\*d\_e\[f\]g\<h\>i\~j\&k\\l"#),
        ("# not a heading", ##"\# not a heading"##),
        ("- not a list", #"\- not a list"#),
        ("1. not a list", #"1\. not a list"#),
        ("12) not a list", #"12\) not a list"#),
        ("version 1.4 (x).", "version 1.4 (x)."),
        ("2026-11-29", "2026-11-29"),
        ("line\r\nnext\nlast\ttab", "line next last tab"),
        ("café ☕︎", "café ☕︎"),
    ])
    func escapes(input: String, expected: String) {
        #expect(MarkdownEscaper.escape(input) == expected)
    }
}

import Mustache

/// Escapes text for GitHub-flavoured Markdown: characters that would start markup, break a
/// table cell or a line are neutralised, so a file name is always shown as written.
struct MarkdownEscaper: MustacheContentType {
    func escapeText(_ text: String) -> String { Self.escape(text) }

    /// Characters that can open or close markup mid-line. Parentheses need no escape
    /// because the brackets that would make them a link are escaped.
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&"]

    /// Characters that start a block (heading, list, rule) when a value opens a line or a
    /// list item; escaped only at the start of a value.
    static let leading: Set<Character> = ["#", "+", "-", "="]

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        var atStart = true
        var leadingDigits = true
        for character in text {
            if character.isNewline || character == "\t" {
                out += " "
            } else if special.contains(character) || (atStart && leading.contains(character)) {
                out += "\\" + String(character)
            } else if leadingDigits && !atStart && (character == "." || character == ")") {
                out += "\\" + String(character)  // "1." or "1)" would start an ordered list
            } else {
                out.append(character)
            }
            leadingDigits = leadingDigits && character.isASCII && character.isNumber
            atStart = false
        }
        return out
    }
}

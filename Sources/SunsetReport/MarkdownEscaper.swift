import Mustache

/// Escapes text for GitHub-flavoured Markdown: characters that would start markup, break a
/// table cell or a line are neutralised, so a file name is always shown as written.
struct MarkdownEscaper: MustacheContentType {
    func escapeText(_ text: String) -> String { Self.escape(text) }

    /// Characters (all ASCII) that can open or close markup mid-line. Parentheses need no
    /// escape because the brackets that would make them a link are escaped.
    static let special: Set<UInt8> = Set("\\`*_[]<>|~&".utf8)

    /// Characters that start a block (heading, list, rule) when a value opens a line or a
    /// list item; escaped only at the start of a value.
    static let leading: Set<UInt8> = Set("#+-=".utf8)

    /// Works on UTF-8 bytes: every character it changes is ASCII, and reports escape every
    /// value, so this runs hundreds of thousands of times for a large audit.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var leadingDigits = true
        var previous: UInt8 = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case 0x0A where previous == 0x0D:
                break  // CR LF is one line break: one space
            case 0x0A, 0x0D, 0x09, 0x0B, 0x0C:
                out.append(0x20)  // a line break would end the paragraph, list item or table row
            case _ where special.contains(byte) || (index == 0 && leading.contains(byte)):
                out += [0x5C, byte]
            case _ where leadingDigits && index > 0 && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")):
                out += [0x5C, byte]  // "1." or "1)" would start an ordered list
            default:
                out.append(byte)
            }
            leadingDigits = leadingDigits && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            previous = byte
        }
        return String(decoding: out, as: UTF8.self)
    }
}

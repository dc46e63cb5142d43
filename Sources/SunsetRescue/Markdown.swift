/// Markdown for names that come from a disk: file and company names are data, never markup.
enum Markdown {
    /// Plain text with every ASCII punctuation mark Markdown could read as markup escaped,
    /// and line breaks turned into spaces.
    static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            if character.isNewline {
                out += " "
            } else if let ascii = character.asciiValue, "\\`*_[]<>#|&".utf8.contains(ascii) {
                out += "\\" + String(character)
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// A code span holding `value` as it is, fenced by more backticks than it contains in a row.
    static func code(_ value: String) -> String {
        let flat = value.map { $0.isNewline ? " " : String($0) }.joined()
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") ? " \(flat) " : flat
        return fence + padded + fence
    }

    /// Bytes as text: valid UTF-8 kept, any other byte written `\xHH`.
    static func escapedBytes(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var index = 0
        while index < bytes.count {
            var matched = false
            for length in (1...4).reversed() where index + length <= bytes.count {
                if let text = String(validating: bytes[index..<index + length], as: UTF8.self), text.unicodeScalars.count == 1 {
                    out += text
                    index += length
                    matched = true
                    break
                }
            }
            if !matched {
                out += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded
                index += 1
            }
        }
        return out
    }
}

private extension String {
    var leftPadded: String { count < 2 ? "0" + self : self }
}

import Foundation
import ZIPFoundation

/// Reads the first cells of a spreadsheet export — CSV header row, XLSX shared strings,
/// XLS text runs — with bounded reads, for telling client lists from product lists.
enum HeaderSniffer {
    /// At most this many cells are returned.
    static let maxCells = 40
    /// At most this many bytes of an XLSX's shared strings are inflated.
    static let maxXMLBytes = 256 << 10

    /// Lower-cased header cells of a file, given its extension and head.
    static func cells(ext: String, head: [UInt8], path: [UInt8], opener: any RootFiles) -> [String] {
        switch ext {
        case "csv": return csv(head)
        case "xlsx": return (try? opener.mapped(path).get()).map(xlsx) ?? []
        case "xls": return textRuns(head)
        default: return []
        }
    }

    /// The first line's cells, split on comma, semicolon or tab.
    static func csv(_ head: [UInt8]) -> [String] {
        let text = String(decoding: head.prefix(8192), as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).first else { return [] }
        return line.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \u{FEFF}")).lowercased() }
            .filter { !$0.isEmpty }
            .prefix(maxCells).map { $0 }
    }

    /// The first shared strings of a workbook (a header row's text comes first).
    static func xlsx(_ data: Data) -> [String] {
        guard data.withUnsafeBytes(ZipStructure.problem) == nil,
              let archive = try? Archive(data: data, accessMode: .read),
              let entry = archive["xl/sharedStrings.xml"] else { return [] }
        var xml = Data()
        _ = try? archive.extract(entry) { chunk in
            xml.append(chunk)
            if xml.count > maxXMLBytes { throw Stop() }
        }
        let text = String(decoding: xml.prefix(maxXMLBytes), as: UTF8.self)
        let pattern = try! NSRegularExpression(pattern: "<t(?:\\s[^>]*)?>([^<]*)</t>")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).prefix(maxCells).compactMap {
            Range($0.range(at: 1), in: text).map { unescapeXML(String(text[$0])).lowercased() }
        }
    }

    /// Printable runs (three characters or more) in an old binary workbook: 8-bit text (ASCII or
    /// Latin-1, as BIFF stores "compressed" strings) or UTF-16LE of the same characters, so that
    /// "Artículos" stays one run.
    static func textRuns(_ head: [UInt8]) -> [String] {
        var runs: [String] = []
        var narrow: [UInt8] = []
        var wide: [UInt16] = []
        func printable(_ byte: UInt8) -> Bool { (byte >= 0x20 && byte < 0x7F) || byte >= 0xA0 }
        func flush() {
            if narrow.count >= 3 { runs.append(String(decoding: narrow.map { UInt16($0) }, as: UTF16.self).lowercased()) }
            if wide.count >= 3 { runs.append(String(decoding: wide, as: UTF16.self).lowercased()) }
            narrow.removeAll()
            wide.removeAll()
        }
        var index = 0
        while index < head.count && runs.count < maxCells * 4 {
            let byte = head[index]
            if index + 1 < head.count, head[index + 1] == 0, printable(byte) {
                if !narrow.isEmpty { flush() }
                wide.append(UInt16(byte))
                index += 2
                continue
            }
            if !wide.isEmpty { flush() }
            if printable(byte) { narrow.append(byte) } else { flush() }
            index += 1
        }
        flush()
        return runs
    }

    private static func unescapeXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private struct Stop: Error {}
}

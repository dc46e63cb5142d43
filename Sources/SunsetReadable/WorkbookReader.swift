import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an `.xlsx` back without libxlsxwriter: it is a zip of XML parts. The workbook part
/// names the sheets, its relationships say which part holds each, and each sheet's `<row>`
/// elements are counted as the part streams out of the zip (never held whole).
struct WorkbookReader {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    private let archive: Archive
    /// Sheet name → the zip entry holding its rows, in the workbook's order.
    let sheets: [(name: String, part: String)]

    init(url: URL) throws {
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw Unreadable(description: "not a zip: \(error)")
        }
        let book = try Self.elements(named: "sheet", in: Self.data(archive, "xl/workbook.xml"))
        let links = try Self.elements(named: "Relationship", in: Self.data(archive, "xl/_rels/workbook.xml.rels"))
        var targets: [String: String] = [:]
        for link in links {
            guard let id = link["Id"], let target = link["Target"] else { continue }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        sheets = try book.map { sheet in
            guard let name = sheet["name"], let id = sheet["r:id"], let part = targets[id] else {
                throw Unreadable(description: "a sheet without a name or a part")
            }
            return (name, part)
        }
    }

    /// The `<row>` elements of a sheet's part.
    func rowCount(part: String) throws -> Int {
        guard let entry = archive[part] else { throw Unreadable(description: "no part \(part)") }
        var counter = RowTagCounter()
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: false) { chunk in counter.scan(chunk) }
        } catch {
            throw Unreadable(description: "\(part): \(error)")
        }
        return counter.count
    }

    private static func data(_ archive: Archive, _ path: String) throws -> Data {
        guard let entry = archive[path] else { throw Unreadable(description: "no part \(path)") }
        var data = Data()
        do { _ = try archive.extract(entry) { data.append($0) } } catch {
            throw Unreadable(description: "\(path): \(error)")
        }
        return data
    }

    /// The attributes of every element with this name (prefixes as written).
    private static func elements(named name: String, in data: Data) throws -> [[String: String]] {
        let collector = ElementCollector(name: name)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else {
            throw Unreadable(description: parser.parserError.map { "\($0)" } ?? "not XML")
        }
        return collector.found
    }
}

/// Collects the attributes of the elements of one name.
private final class ElementCollector: NSObject, XMLParserDelegate {
    let name: String
    var found: [[String: String]] = []

    init(name: String) { self.name = name }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if elementName == name { found.append(attributes) }
    }
}

/// Counts `<row ` and `<row>` in XML text arriving in chunks (a tag may straddle two).
struct RowTagCounter {
    private(set) var count = 0
    private var matched = 0
    private static let tag = Array("<row".utf8)

    mutating func scan(_ chunk: Data) {
        chunk.withUnsafeBytes { scan($0) }
    }

    mutating func scan(_ bytes: UnsafeRawBufferPointer) {
        let tag = Self.tag
        for byte in bytes {
            if matched == tag.count {
                if byte == 0x20 || byte == 0x3E || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2F { count += 1 }
                matched = 0
            }
            if byte == tag[matched] { matched += 1 } else { matched = byte == tag[0] ? 1 : 0 }
        }
    }
}

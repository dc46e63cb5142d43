import Foundation
import SunsetCore

/// Exports: client and product lists, told apart by file name or header row.
extension ProductFinder {
    // MARK: - Exports

    mutating func findExports(_ volume: Volume, files: Set<[UInt8]>) {
        let clientWords = signatures.clientListWords.map { $0.lowercased() }
        let productWords = signatures.productListWords.map { $0.lowercased() }
        for path in files.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let probe = probes[Key(root: volume.index, path: path)] else { continue }
            let location = Location(root: volume.index, path: VolumePath(bytes: path))
            let name = location.path.lastComponent.lowercased()
            var kind: ExportKind?
            var evidence: Evidence?
            for (candidate, words) in [(ExportKind.clients, clientWords), (.products, productWords)] where kind == nil {
                if let word = words.first(where: { name.contains($0) }) {
                    kind = candidate
                    evidence = Evidence(signature: "export.\(candidate.rawValue)", detail: "file name contains '\(word)'",
                                        path: location.path, confidence: .medium)
                }
            }
            if kind == nil {
                let header = HeaderSniffer.cells(ext: Self.fileExtension(path), head: probe.head, path: path,
                                                 opener: volume.opener)
                for (candidate, words) in [(ExportKind.clients, clientWords), (.products, productWords)] where kind == nil {
                    if let cell = header.first(where: { cell in words.contains { cell.contains($0) } }) {
                        kind = candidate
                        evidence = Evidence(signature: "export.\(candidate.rawValue)", detail: "header has the column '\(cell)'",
                                            path: location.path, confidence: .medium)
                    }
                }
            }
            guard let kind, let evidence else { continue }
            var owners = companyNames(in: name)
            if owners.isEmpty, let inside = companies.first(where: { $0.folder.root == location.root && location.path.isInside($0.folder.path) }) {
                owners = [inside.name]
            }
            exports.append(Export(product: product, kind: kind,
                                  file: DataFile(location: location, size: probe.size, modified: probe.modified,
                                                 kind: probe.description, mime: probe.mime),
                                  companies: owners.sorted(), evidence: [evidence]))
        }
    }

    // MARK: - Helpers

    /// Names of the known companies that a (lower-cased) file name mentions, ignoring
    /// spaces and punctuation ("atelier_martin" names "Atelier Martin").
    func companyNames(in name: String) -> [String] {
        let squeezed = Self.squeeze(name)
        return companies.map(\.name).filter { company in
            let key = Self.squeeze(company.lowercased())
            return key.count >= 3 && squeezed.contains(key)
        }
    }

    static func squeeze(_ text: String) -> String {
        String(text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    static func fileExtension(_ path: [UInt8]) -> String {
        let name = VolumePath(bytes: path).lastComponent
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

}

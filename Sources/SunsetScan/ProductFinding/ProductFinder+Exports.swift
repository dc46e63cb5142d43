import Foundation
import SunsetCore

/// Exports: client and product lists, told apart by file name or header row.
extension ProductFinder {
    // MARK: - Exports

    mutating func findExports(_ volume: Volume, files: Set<[UInt8]>) {
        let lists = [(ExportKind.clients, clientWords), (.products, productWords)]
        for path in files.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let probe = probes[Key(root: volume.index, path: path)] else { continue }
            let location = Location(root: volume.index, path: VolumePath(bytes: path))
            let name = FoldedName(location.path.lastComponent)
            var kind: ExportKind?
            var evidence: Evidence?
            for (candidate, words) in lists where kind == nil {
                if let word = words.first(in: name) {
                    kind = candidate
                    evidence = Evidence(signature: "export.\(candidate.rawValue)", detail: "file name contains '\(word)'",
                                        path: location.path, confidence: .medium)
                }
            }
            if kind == nil {
                let header = HeaderSniffer.cells(ext: Self.fileExtension(path), head: probe.head, path: path,
                                                 opener: volume.opener).map { ($0, FoldedName($0)) }
                for (candidate, words) in lists where kind == nil {
                    if let (cell, _) = header.first(where: { words.first(in: $0.1) != nil }) {
                        kind = candidate
                        evidence = Evidence(signature: "export.\(candidate.rawValue)", detail: "header has the column '\(cell)'",
                                            path: location.path, confidence: .medium)
                    }
                }
            }
            guard let kind, let evidence else { continue }
            exports.append(Export(product: product, kind: kind,
                                  file: DataFile(location: location, size: probe.size, modified: probe.modified,
                                                 kind: probe.description, mime: probe.mime),
                                  companies: [], evidence: [evidence]))
        }
    }

    /// Credits each export to its company, once companies and backups are known: the companies
    /// its file name names; else the company whose folder holds it; else the one company whose
    /// folder sits next to it, or whose backups share its folder; else the only company there is.
    /// An export that none of these points to, or that points to several, credits no company.
    mutating func attributeExports() {
        let folders = companies.filter { !$0.isBackupOnly }
        for index in exports.indices {
            let location = exports[index].file.location
            let parent = location.path.parent
            var owners = companyNames(in: location.path.lastComponent.lowercased())
            var how = owners.isEmpty ? nil : "its file name names the company"
            var sure = Confidence.medium
            if owners.isEmpty {
                let holders = folders.filter { $0.folder.root == location.root && location.path.isInside($0.folder.path) }
                if let inner = holders.max(by: { $0.folder.path.bytes.count < $1.folder.path.bytes.count }) {
                    owners = [inner.name]
                    how = "it lies in the company's folder"
                }
            }
            if owners.isEmpty {
                let beside = Set(folders.filter { $0.folder.root == location.root && $0.folder.path.parent == parent }.map(\.name))
                if beside.count == 1 {
                    owners = Array(beside)
                    how = "it lies next to the company's folder, the only one in its folder"
                }
            }
            if owners.isEmpty {
                let near = Set(backups.filter { $0.file.location.root == location.root && $0.file.location.path.parent == parent }
                    .flatMap(\.companies))
                if near.count == 1 {
                    owners = Array(near)
                    how = "it lies next to backups of the company, and of no other"
                }
            }
            if owners.isEmpty, companies.count == 1 {
                owners = [companies[0].name]
                how = "'\(companies[0].name)' is the only company found"
                sure = .low
            }
            exports[index].companies = owners.sorted()
            if let how {
                exports[index].evidence.append(Evidence(
                    signature: "export.company", detail: "credited to \(owners.sorted().joined(separator: ", ")): \(how)",
                    at: location, confidence: sure))
            } else {
                exports[index].evidence.append(Evidence(
                    signature: "export.unattributed",
                    detail: "credited to no company: \(companies.count) companies were found, and neither its name nor its place points to one",
                    at: location, confidence: .low))
            }
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

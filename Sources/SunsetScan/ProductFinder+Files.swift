import Foundation
import SunsetCore

/// Backups and exports: candidate selection by name, then judgement by content.
extension ProductFinder {
    // MARK: - Backups

    mutating func findBackups(_ volume: Volume, files: Set<[UInt8]>) {
        let words = signatures.backupWords.map { $0.lowercased() }
        for path in files.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let probe = probes[Key(root: volume.index, path: path)] else { continue }
            let location = Location(root: volume.index, path: VolumePath(bytes: path))
            let name = location.path.lastComponent
            var evidence: [Evidence] = []
            if let word = words.first(where: { name.lowercased().contains($0) }) {
                evidence.append(Evidence(signature: "backup.words", detail: "file name contains '\(word)'",
                                         path: location.path, confidence: .medium))
            }
            var owners = companyNames(in: name.lowercased())
            for owner in owners {
                evidence.append(Evidence(signature: "backup.company-name", detail: "file name names the company '\(owner)'",
                                         path: location.path, confidence: .medium))
            }
            if owners.isEmpty, let inside = companies.first(where: { $0.folder.root == location.root && location.path.isInside($0.folder.path) }) {
                owners = [inside.name]
                evidence.append(Evidence(signature: "backup.company-folder", detail: "lies in the folder of '\(inside.name)'",
                                         path: location.path, confidence: .medium))
            }
            guard !evidence.isEmpty || !owners.isEmpty else { continue }  // an unrelated archive
            if owners.isEmpty, companies.count == 1 {
                owners = [companies[0].name]
                evidence.append(Evidence(signature: "backup.only-company",
                                         detail: "names no company; '\(companies[0].name)' is the only company found",
                                         path: location.path, confidence: .low))
            }
            let kind = ContentKind(mime: probe.mime, description: probe.description)
            var problem: String?
            switch kind {
            case .empty:
                problem = "empty file"
            case let .archive(format):
                evidence.append(Evidence(signature: "backup.content", detail: "content: \(probe.description)",
                                         path: location.path, confidence: .high))
                problem = ArchiveCheck.problem(format: format, path: path, size: probe.size, head: probe.head, opener: volume.opener)
            default:
                if Self.fileExtension(path) == "bak" {
                    evidence.append(Evidence(signature: "backup.content", detail: "backup file, content: \(probe.description)",
                                             path: location.path, confidence: .medium))
                } else {
                    problem = "not a readable archive (content: \(probe.description))"
                }
            }
            let cloud = CloudFolders.provider(of: location, among: volume.cloudFolders)
            let placement: Placement
            if cloud != nil {
                placement = .cloud
            } else if !companies.isEmpty && !companies.contains(where: { $0.folder.root == volume.index }) {
                placement = .otherVolume
            } else {
                placement = .local
            }
            backups.append(Backup(
                product: product,
                file: DataFile(location: location, size: probe.size, modified: probe.modified,
                               kind: probe.description, mime: probe.mime),
                companies: owners.sorted(), readable: problem == nil, problem: problem,
                placement: placement, cloudProvider: cloud, evidence: evidence))
        }
    }

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
            if kind == nil, Self.fileExtension(path) == "csv" {
                let header = Self.headerCells(probe.head)
                for (candidate, words) in [(ExportKind.clients, clientWords), (.products, productWords)] where kind == nil {
                    if let cell = header.first(where: { cell in words.contains { cell.contains($0) } }) {
                        kind = candidate
                        evidence = Evidence(signature: "export.\(candidate.rawValue)", detail: "header row has the column '\(cell)'",
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

    /// The lower-cased cells of the first line of a CSV head (comma, semicolon or tab separated).
    static func headerCells(_ head: [UInt8]) -> [String] {
        let text = String(decoding: head.prefix(4096), as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).first else { return [] }
        return line.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \u{FEFF}")).lowercased() }
            .filter { !$0.isEmpty }
    }
}

import Foundation
import Glibc
import SunsetCore

/// Recognises bags made by `sunset rescue` among a volume's entries, and checks each one
/// cheaply: the declaration, the agent, `Payload-Oxum` against the files really in `data/`,
/// and both payload manifests listing exactly those files. It opens only the small tag
/// files and stats the payload; it never reads payload contents (SunsetKit may, for small bags).
enum OfflineCopyFinder {
    /// What was found on one volume: the copies, and their folders (whose contents the
    /// scanner then leaves out, so that a copy's data is not taken for live data).
    struct Found {
        var copies: [OfflineCopy] = []
        var folders: [VolumePath] = []
    }

    /// The largest tag file or manifest read.
    static let tagFileLimit = 64 << 20

    static func find(in volume: Volume) -> Found {
        // Cheap first pass (the common case has no bag at all): byte suffix only.
        let name = Array(BagIt.declarationFile.utf8)
        let declarations = volume.entries.filter { entry in
            entry.kind == .file && entry.path.count >= name.count && entry.path.suffix(name.count).elementsEqual(name)
                && (entry.path.count == name.count || entry.path[entry.path.count - name.count - 1] == UInt8(ascii: "/"))
        }
        var found = Found()
        guard !declarations.isEmpty else { return found }
        let files = Set(volume.entries.filter { $0.kind == .file }.map(\.path))
        for entry in declarations {
            let folder = VolumePath(bytes: entry.path).parent
            guard files.contains(folder.appending(Array(BagIt.infoFile.utf8)).bytes),
                  let text = readText(folder.appending(Array(BagIt.infoFile.utf8)), volume: volume) else { continue }
            let info = BagInfo(parsing: text)
            guard let agent = info.value(BagIt.softwareAgentLabel),
                  agent.lowercased().split(separator: " ").first == Substring(BagIt.agentName) else { continue }
            found.folders.append(folder)
            found.copies.append(check(folder, info: info, agent: agent, files: files, volume: volume))
        }
        return found
    }

    // MARK: - The cheap check

    private static func check(_ folder: VolumePath, info: BagInfo, agent: String, files: Set<[UInt8]>,
                              volume: Volume) -> OfflineCopy {
        let data = folder.appending(Array(BagIt.payloadFolder.utf8))
        var problems: [String] = []
        let payload = volume.files(below: data.bytes)
        if payload.contains(where: { $0.kind != .file }) { problems.append("data/ holds something other than regular files") }
        var bytes: UInt64 = 0
        for entry in payload where entry.kind == .file {
            guard let size = size(of: entry.path, volume: volume) else {
                problems.append("cannot read \(VolumePath(bytes: entry.path))")
                continue
            }
            bytes += size
        }
        let declaration = readText(folder.appending(Array(BagIt.declarationFile.utf8)), volume: volume) ?? ""
        if BagInfo(parsing: declaration).value("BagIt-Version") == nil { problems.append("bagit.txt has no BagIt-Version") }
        if let oxum = info.payloadOxum {
            if oxum.files != payload.count || oxum.bytes != bytes {
                problems.append("Payload-Oxum says \(oxum.files) file(s) and \(oxum.bytes) bytes, data/ holds \(payload.count) and \(bytes)")
            }
        } else {
            problems.append("bag-info.txt has no valid Payload-Oxum")
        }
        let onDisk = Set(payload.map { Array($0.path.dropFirst(folder.bytes.isEmpty ? 0 : folder.bytes.count + 1)) })
        for algorithm in BagIt.algorithms {
            let name = BagIt.manifestFile(algorithm)
            guard files.contains(folder.appending(Array(name.utf8)).bytes),
                  let text = readText(folder.appending(Array(name.utf8)), volume: volume) else {
                problems.append("\(name) is missing")
                continue
            }
            let parsed = BagIt.parseManifest(text)
            if !parsed.badLines.isEmpty || Set(parsed.entries.map { Array($0.path.utf8) }) != onDisk
                || parsed.entries.count != onDisk.count {
                problems.append("\(name) does not list exactly the files in data/")
            }
        }
        if !files.contains(folder.appending(Array(BagIt.tagManifestFile(BagIt.tagAlgorithm).utf8)).bytes) {
            problems.append("\(BagIt.tagManifestFile(BagIt.tagAlgorithm)) is missing")
        }
        let bagged = info.value(BagIt.baggingDateLabel).flatMap(CalendarDay.init)
        // The readable copies' index, a tag file like the others: missing, too large or not
        // one this version reads means no tables, never a failed scan.
        let indexPath = folder.appending(Array(ReadableIndex.fileName.utf8))
        let index = files.contains(indexPath.bytes)
            ? readText(indexPath, volume: volume).flatMap { ReadableIndex.decode(Data($0.utf8)) } : nil
        let detail = problems.first.map { "not complete: \($0)" }
            ?? "\(payload.count) file(s), \(bytes) bytes; Payload-Oxum and both manifests agree with data/"
        var copy = OfflineCopy(
            location: Location(root: volume.index, path: folder), placement: .local, cloudProvider: nil,
            verified: problems.isEmpty, check: .structure, problem: problems.first,
            products: info.values(BagIt.productLabel).sorted(), companies: info.values(BagIt.companyLabel).sorted(),
            bagged: bagged, files: payload.count, bytes: bytes,
            evidence: [
                Evidence(signature: "offline-copy.bag", detail: "BagIt bag made by '\(agent)'"
                         + (bagged.map { " on \($0)" } ?? ""), path: folder, confidence: .high),
                Evidence(signature: "offline-copy.check", detail: detail, path: folder,
                         confidence: problems.isEmpty ? .medium : .low),
            ])
        copy.databases = index?.databases
        return copy
    }

    // MARK: - Reading

    private static func size(of path: [UInt8], volume: Volume) -> UInt64? {
        volume.opener.withFile(path) { size, _ in size }
    }

    /// A small file's text (UTF-8), nil when unreadable, not UTF-8 or too large.
    private static func readText(_ path: VolumePath, volume: Volume) -> String? {
        guard let size = size(of: path.bytes, volume: volume), size <= UInt64(tagFileLimit) else { return nil }
        if size == 0 { return "" }
        guard let bytes = ArchiveCheck.read(path.bytes, offset: 0, count: Int(size), opener: volume.opener) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    // MARK: - Placement

    /// A copy in a cloud-sync folder is off the machine; so is one on a root that holds no
    /// company data. Otherwise it sits next to the data it copies.
    static func place(_ copies: inout [OfflineCopy], companies: [Company], cloudFolders: [CloudFolder]) {
        for index in copies.indices {
            let location = copies[index].location
            if let provider = CloudFolders.provider(of: location, among: cloudFolders) {
                copies[index].placement = .cloud
                copies[index].cloudProvider = provider
            } else if !companies.contains(where: { $0.folder.root == location.root }) {
                copies[index].placement = .otherVolume
            }
        }
    }
}

extension Volume {
    /// Drops the entries inside these folders (bags made by `sunset rescue`: a copy, not live data).
    mutating func leaveOut(_ folders: [VolumePath]) {
        guard !folders.isEmpty else { return }
        entries.removeAll { entry in folders.contains { VolumePath(bytes: entry.path).isInside($0) } }
        directories.removeAll { entry in folders.contains { VolumePath(bytes: entry.path).isInside($0) } }
    }
}

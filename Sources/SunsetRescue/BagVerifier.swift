import Foundation
import Glibc
import SunsetCore

/// Checks any BagIt bag: the declaration, that every file a manifest lists is there and
/// nothing else is in `data/`, `Payload-Oxum`, and every checksum of every payload and tag
/// manifest (MD5, SHA-1, SHA-256, SHA-384, SHA-512). Reads with `O_NOATIME` and never writes.
public struct BagVerifier {
    public let bag: String

    public init(bag: String) {
        self.bag = URL(fileURLWithPath: bag).standardizedFileURL.path
    }

    /// Throws only when the bag cannot be looked at (not a folder, unreadable).
    public func verify() throws(RescueError) -> BagVerification {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: bag, isDirectory: &isFolder) else {
            throw .unreadable(bag, reason: "no such file or folder")
        }
        guard isFolder.boolValue else { throw .notAFolder(bag) }
        let tree = try SourceTree(path: bag)
        defer { tree.close() }
        var problems: [BagVerification.Problem] = []
        // Listed through the tree, so that an audit's check of a bag leaves its access time alone.
        let top = ((try? tree.list(VolumePath("")).get()) ?? []).filter { $0.kind == .file }.map { String(decoding: $0.name, as: UTF8.self) }

        if let declaration = text(BagIt.declarationFile, tree: tree) {
            if BagInfo(parsing: declaration).value("BagIt-Version") == nil {
                problems.append(.init(.invalid, BagIt.declarationFile, "no BagIt-Version line"))
            }
        } else {
            problems.append(.init(.missing, BagIt.declarationFile, "not a BagIt bag, or an unfinished one"))
        }

        // Payload manifests and what they list.
        let payloadManifests = top.filter { $0.hasPrefix("manifest-") && $0.hasSuffix(".txt") }.sorted()
        if payloadManifests.isEmpty { problems.append(.init(.missing, "manifest-sha256.txt", "the bag has no payload manifest")) }
        var listed: [String: [(DigestAlgorithm, String, String)]] = [:]  // path → (algorithm, checksum, manifest)
        for manifest in payloadManifests {
            for (path, algorithm, checksum) in entries(of: manifest, tree: tree, problems: &problems) {
                guard path.hasPrefix(BagIt.payloadFolder + "/"), Self.isSafe(path) else {
                    problems.append(.init(.invalid, manifest, "lists '\(path)', which is not a path inside data/"))
                    continue
                }
                listed[path, default: []].append((algorithm, checksum, manifest))
            }
        }

        // What is really in data/.
        let payload = payloadOnDisk(tree: tree, problems: &problems)
        for path in listed.keys.sorted() where payload[path] == nil {
            problems.append(.init(.missing, path, "listed in \(Set(listed[path]!.map(\.2)).sorted().joined(separator: ", "))"))
        }
        for path in payload.keys.sorted() {
            guard let entries = listed[path] else {
                problems.append(.init(.extra, path, "in data/ but in no manifest"))
                continue
            }
            for manifest in payloadManifests where !entries.contains(where: { $0.2 == manifest }) {
                problems.append(.init(.invalid, path, "not listed in \(manifest)"))
            }
        }
        let bytes = payload.values.reduce(0, +)
        if let infoText = text(BagIt.infoFile, tree: tree), BagInfo(parsing: infoText).value(BagIt.payloadOxumLabel) != nil {
            let info = BagInfo(parsing: infoText)
            if let oxum = info.payloadOxum {
                if oxum.files != payload.count || oxum.bytes != bytes {
                    problems.append(.init(.invalid, BagIt.infoFile, "Payload-Oxum says \(oxum.files) file(s) and \(oxum.bytes) bytes; data/ holds \(payload.count) and \(bytes)"))
                }
            } else {
                problems.append(.init(.invalid, BagIt.infoFile, "Payload-Oxum is not 'bytes.files'"))
            }
        }

        // Every checksum.
        for path in listed.keys.sorted() where payload[path] != nil {
            problems += check(path, against: listed[path]!, tree: tree)
        }
        for manifest in top.filter({ $0.hasPrefix("tagmanifest-") && $0.hasSuffix(".txt") }).sorted() {
            for (path, algorithm, checksum) in entries(of: manifest, tree: tree, problems: &problems) {
                guard Self.isSafe(path), !path.hasPrefix(BagIt.payloadFolder + "/") else {
                    problems.append(.init(.invalid, manifest, "lists '\(path)', which is not a tag file"))
                    continue
                }
                if tree.status(VolumePath(path)).isFailure {
                    problems.append(.init(.missing, path, "listed in \(manifest)"))
                } else {
                    problems += check(path, against: [(algorithm, checksum, manifest)], tree: tree)
                }
            }
        }
        let algorithms = payloadManifests.map { String($0.dropFirst("manifest-".count).dropLast(".txt".count)) }
        return BagVerification(bag: bag, files: payload.count, bytes: bytes, algorithms: algorithms,
                               problems: Array(Set(problems)).sorted())
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}

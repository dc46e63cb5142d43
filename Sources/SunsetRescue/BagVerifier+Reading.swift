import Glibc
import SunsetCore

/// Reading a bag's manifests, payload and checksums.
extension BagVerifier {
    /// A small tag file's UTF-8 text, nil when absent or unreadable.
    func text(_ name: String, tree: SourceTree) -> String? {
        let fd = tree.openFile(VolumePath(name))
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { return nil }
            if got == 0 { break }
            bytes += buffer[0..<got]
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The entries of a manifest as (path, algorithm, checksum); what is wrong goes to `problems`.
    func entries(of manifest: String, tree: SourceTree,
                 problems: inout [BagVerification.Problem]) -> [(String, DigestAlgorithm, String)] {
        let name = manifest.hasPrefix("tagmanifest-") ? manifest.dropFirst("tagmanifest-".count) : manifest.dropFirst("manifest-".count)
        guard let algorithm = DigestAlgorithm(rawValue: String(name.dropLast(".txt".count))) else {
            problems.append(.init(.invalid, manifest, "unknown checksum algorithm"))
            return []
        }
        guard let text = text(manifest, tree: tree) else {
            problems.append(.init(.invalid, manifest, "cannot be read as UTF-8 text"))
            return []
        }
        let parsed = BagIt.parseManifest(text)
        for line in parsed.badLines {
            problems.append(.init(.invalid, manifest, "line \(line) is not 'checksum path'"))
        }
        var seen = Set<String>()
        var out: [(String, DigestAlgorithm, String)] = []
        for entry in parsed.entries {
            guard seen.insert(entry.path).inserted else {
                problems.append(.init(.invalid, manifest, "lists '\(entry.path)' twice"))
                continue
            }
            out.append((entry.path, algorithm, entry.checksum))
        }
        return out
    }

    /// No empty, `.` or `..` component, not absolute.
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// Every regular file below `data/` with its size; anything else there is a problem.
    func payloadOnDisk(tree: SourceTree, problems: inout [BagVerification.Problem]) -> [String: UInt64] {
        var found: [String: UInt64] = [:]
        var pending = [VolumePath(BagIt.payloadFolder)]
        guard case .success = tree.status(VolumePath(BagIt.payloadFolder)) else {
            problems.append(.init(.missing, BagIt.payloadFolder + "/", "the bag has no payload folder"))
            return [:]
        }
        while let folder = pending.popLast() {
            guard case let .success(entries) = tree.list(folder) else {
                problems.append(.init(.invalid, folder.description + "/", "folder cannot be read"))
                continue
            }
            for entry in entries {
                let path = folder.appending(entry.name)
                switch entry.kind {
                case .folder: pending.append(path)
                case .file:
                    guard let name = path.utf8 else {
                        problems.append(.init(.extra, path.description, "its name is not UTF-8, so no manifest can list it"))
                        continue
                    }
                    if case let .success(info) = tree.status(path) { found[name] = UInt64(info.st_size) }
                case .symlink, .special:
                    problems.append(.init(.extra, path.description, "not a regular file"))
                }
            }
        }
        return found
    }

    /// Hashes one file once for all the algorithms that list it, and compares.
    func check(_ path: String, against expected: [(DigestAlgorithm, String, String)],
               tree: SourceTree) -> [BagVerification.Problem] {
        let fd = tree.openFile(VolumePath(path))
        guard fd >= 0 else { return [.init(.missing, path, "cannot be read: \(Errno(-fd))")] }
        defer { close(fd) }
        var hasher = MultiHasher(Array(Set(expected.map(\.0))).sorted { $0.rawValue < $1.rawValue })
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { return [.init(.corrupt, path, "read error: \(Errno(errno))")] }
            if got == 0 { break }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
        }
        let actual = hasher.finalize()
        let wrong = expected.filter { actual[$0.0] != $0.1 }.map { "\($0.0.rawValue) differs from \($0.2)" }
        return wrong.isEmpty ? [] : [.init(.corrupt, path, wrong.sorted().joined(separator: "; "))]
    }
}

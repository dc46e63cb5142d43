import SunsetCore

/// Which files a walk keeps: those a later step may open, decided from the name alone while
/// the folder is being listed. Every other file is only counted (per folder and extension),
/// so a walk's memory follows the folders and the candidates, never the number of files.
///
/// The rule is a union over every product pack (so no pack misses a file another pack's
/// name test would have let through) and the few fixed names the scan itself reads.
public struct KeepRule: Sendable, Hashable {
    /// Extension keys (`GlobSet.extensionKey`) whose files are kept.
    var extensionKeys: Set<UInt64>
    /// Lower-cased file names kept wherever they are (registry hives deep in a profile,
    /// the tag files of a bag).
    var names: Set<[UInt8]>
    /// Globs without a literal extension: tried on the whole path, which is then built.
    var globs: [String]
    /// Files with at most this many path components are all kept: Windows' own files, the
    /// machine's hives and `etc/os-release` are all that shallow.
    var shallowComponents: Int

    /// The files the scan itself opens whatever the packs say: the user-classes hive (seven
    /// folders deep in a profile) and the tag files of bags made by `sunset rescue`.
    static let fixedNames: [String] = [String(Registry.userClassesPath.split(separator: "/").last!), BagIt.declarationFile, BagIt.infoFile]
        + BagIt.algorithms.flatMap { [BagIt.manifestFile($0), BagIt.tagManifestFile($0)] }

    public init(signatures: [ProductSignatures]) {
        var keys = Set<UInt64>()
        var globs: [String] = []
        for signature in signatures {
            for set in ProductFinder.fileGlobs(signature) {
                keys.formUnion(set.extensionKeys)
                globs += set.globs.filter { $0.literalExtension == nil }.map(\.pattern)
            }
        }
        // Any executable may be part of a program folder the install globs name.
        keys.insert(GlobSet.pack(Array("exe".utf8)))
        self.init(extensionKeys: keys, names: Set(Self.fixedNames.map { Array($0.lowercased().utf8) }),
                  globs: Array(Set(globs)).sorted(), shallowComponents: Volume.shallowComponents)
    }

    init(extensionKeys: Set<UInt64>, names: Set<[UInt8]>, globs: [String], shallowComponents: Int) {
        self.extensionKeys = extensionKeys
        self.names = names
        self.globs = globs
        self.shallowComponents = shallowComponents
    }

    /// True when a file named `name` in a folder `depth` components deep is kept; `path`
    /// builds its whole path, for the globs that need it.
    func keeps(_ name: UnsafeBufferPointer<UInt8>, depth: Int, compiled: [Glob], path: () -> [UInt8]) -> Bool {
        if depth < shallowComponents { return true }
        if let key = Self.extensionKey(name) {
            if extensionKeys.contains(key) { return true }
            if !names.isEmpty && names.contains(where: { Self.sameLetters($0, name) }) { return true }
        }
        return !compiled.isEmpty && { let whole = path(); return compiled.contains { $0.matches(whole) } }()
    }

    /// `GlobSet.extensionKey` of a bare name, read in place.
    static func extensionKey(_ name: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var key: UInt64 = 0
        var index = name.count - 1
        while index >= 0 && name.count - index <= 9 {
            let byte = name[index]
            if byte == UInt8(ascii: ".") { return index == name.count - 1 ? nil : key }
            key = key << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            index -= 1
        }
        return nil
    }

    /// True when `name` spells `lower` (lower-case ASCII) in any case.
    static func sameLetters(_ lower: [UInt8], _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lower.count == name.count else { return false }
        for index in 0..<name.count {
            let byte = name[index]
            if (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) != lower[index] { return false }
        }
        return true
    }

    /// A short text that changes whenever the rule does (kept in a state file: a listing
    /// made under another rule kept other files, so it cannot be replayed).
    var fingerprint: String {
        let keys = extensionKeys.sorted().map { String($0, radix: 16) }.joined(separator: ",")
        let names = names.map { String(decoding: $0, as: UTF8.self) }.sorted().joined(separator: ",")
        return "keys=\(keys);names=\(names);globs=\(globs.joined(separator: ","));shallow=\(shallowComponents)"
    }
}

import Foundation
import SunsetCore
import SunsetImage

/// A file system inside a disk image, as a scan root's files (`RootFiles`): read through
/// libtsk, never mounted, never written. The walk tells it where each kept file and each
/// folder is (their metadata addresses), so that later reads need no look-up by name.
final class ImageRootFiles: RootFiles, @unchecked Sendable {
    let system: ImageFileSystem
    private let lock = NSLock()
    private var fileInodes: [[UInt8]: UInt64] = [:]
    private var folderInodes: [[UInt8]: UInt64] = [:]

    /// The most bytes `mapped` reads into memory from an image (a hive, a zip's directory).
    static let mappedLimit: UInt64 = 256 << 20

    init(system: ImageFileSystem) {
        self.system = system
    }

    var log: OpenLog? { nil }
    func close() {}

    func remember(file path: [UInt8], inode: UInt64) { lock.withLock { fileInodes[path] = inode } }
    func remember(folder path: [UInt8], inode: UInt64) { lock.withLock { folderInodes[path] = inode } }

    private func open(_ path: [UInt8]) -> Result<ImageFile, ImageGap> {
        if let inode = lock.withLock({ fileInodes[path] }) { return system.open(inode: inode) }
        return system.open(path: path)
    }

    func fileStatus(_ path: [UInt8]) -> (size: UInt64, modified: Date)? {
        guard case .success(let file) = open(path) else { return nil }
        return (file.size, file.modified)
    }

    func withFile<T>(_ path: [UInt8], _ body: (_ size: UInt64, _ read: (UInt64, Int) -> [UInt8]?) -> T) -> T? {
        guard case .success(let file) = open(path) else { return nil }
        return body(file.size) { offset, count in
            guard let bytes = file.read(at: offset, count: count), bytes.count == count else { return nil }
            return bytes
        }
    }

    func mapped(_ path: [UInt8]) -> Result<Data, PathOpener.MapFailure> {
        let file: ImageFile
        switch open(path) {
        case .success(let opened): file = opened
        case .failure(let gap): return .failure(.cannotOpen(gap.reason))
        }
        guard file.size > 0 else { return .failure(.empty) }
        guard file.size <= Self.mappedLimit else { return .failure(.cannotOpen("too large to read from a disk image")) }
        guard let bytes = file.read(at: 0, count: Int(file.size)), bytes.count == Int(file.size) else {
            return .failure(.cannotOpen("the disk image cannot give the file's content"))
        }
        return .success(Data(bytes))
    }

    func probe(_ path: [UInt8], cookie: MagicCookie) -> FileProbe {
        let file: ImageFile
        switch open(path) {
        case .success(let opened): file = opened
        case .failure(let gap): return FileProbe.failure(gap.reason)
        }
        guard let head = file.read(at: 0, count: Int(min(UInt64(FileProbe.headLimit), file.size))) else {
            return FileProbe.failure("the disk image cannot give the file's content")
        }
        let (description, mime) = cookie.identify(head)
        return FileProbe(size: file.size, modified: file.modified, description: description, mime: mime, head: head)
    }

    func files(in folder: [UInt8], excludes: [Glob]) -> [WalkEntry] {
        let inode = lock.withLock({ folderInodes[folder] })
            ?? (folder.isEmpty ? system.rootInode : system.entry(at: folder).flatMap { $0.kind == .directory ? $0.inode : nil })
        guard let inode, case .success(let listed) = system.entries(ofFolder: inode) else { return [] }
        var found: [WalkEntry] = []
        for entry in listed where entry.kind != .directory {
            let path = folder.isEmpty ? entry.name : folder + [UInt8(ascii: "/")] + entry.name
            if excludes.contains(where: { $0.matches(path) }) { continue }
            if entry.kind == .file { remember(file: path, inode: entry.inode) }
            found.append(WalkEntry(path: path, kind: WalkEntry.Kind(rawValue: entry.kind.rawValue) ?? .special))
        }
        return found
    }
}

/// Disk images given as scan roots: each file system inside becomes a root, labelled with
/// the image and the partition, and is walked and judged like a mounted volume.
enum ImageRoots {
    /// Image files are told by content (libtsk); these extensions make a file an image root
    /// even when it is too damaged to be recognised, so that it becomes a gap, not an error.
    static let extensions: Set<String> = ["dd", "img", "raw", "001", "e01", "vhd", "vhdx", "vmdk"]

    /// True when `path` is a file (not a folder) to scan as a disk image: an image's
    /// extension, or content in which libtsk finds a partition table or a file system.
    static func isImage(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return false }
        if extensions.contains((path as NSString).pathExtension.lowercased()) { return true }
        guard let image = try? DiskImage.open(path), let found = try? image.fileSystems() else { return false }
        return !found.fileSystems.isEmpty || !found.gaps.isEmpty
    }

    /// The roots of one image, numbered from `firstIndex`: one per file system, or, when
    /// none can be read, one empty root holding the reason as a coverage gap. Problems with
    /// single partitions are gaps of the image's first root.
    static func volumes(image path: String, firstIndex: Int, keep: KeepRule, excludes: [Glob],
                        progress: (@Sendable (Int) -> Void)?,
                        early: (probes: EarlyProbes, names: GlobSet)?) -> [Volume] {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let name = (absolute as NSString).lastPathComponent
        let image: DiskImage
        let found: (fileSystems: [ImageFileSystem], gaps: [ImageGap])
        do {
            image = try DiskImage.open(absolute)
            found = try image.fileSystems()
        } catch {
            return [placeholder(absolute, index: firstIndex, label: name, reasons: ["disk image: \(error.reason)"])]
        }
        // The roots' labels name the image already: a gap says which partition.
        let reasons = found.gaps.map { gap in
            let place = gap.place.hasPrefix(name + " · ") ? String(gap.place.dropFirst(name.count + 3)) : gap.place
            return "\(place): \(gap.reason)"
        }
        guard !found.fileSystems.isEmpty else { return [placeholder(absolute, index: firstIndex, label: name, reasons: reasons)] }
        var volumes: [Volume] = []
        for (offset, system) in found.fileSystems.enumerated() {
            let index = firstIndex + offset
            let files = ImageRootFiles(system: system)
            var onKept: ((([UInt8]) -> Void))?
            if let early {
                onKept = { path in if early.names.contains(path) { early.probes.submit(root: index, path: path, opener: files) } }
            }
            let walk = Self.walk(system, files: files, index: index, keep: keep, excludes: excludes, progress: progress, onKept: onKept)
            var volume = Volume.assemble(walk: walk, path: absolute, index: index, opener: files, excludes: excludes)
            volume.root.imageVolume = system.label
            volumes.append(volume)
        }
        volumes[0].coverage.gaps += reasons.map { Coverage.Gap(location: Location(root: firstIndex, path: VolumePath(bytes: [])), reason: $0) }
        return volumes
    }

    /// An image none of whose file systems can be read: a root with nothing in it but gaps.
    static func placeholder(_ path: String, index: Int, label: String, reasons: [String]) -> Volume {
        var coverage = Coverage()
        coverage.gaps = reasons.map { Coverage.Gap(location: Location(root: index, path: VolumePath(bytes: [])), reason: $0) }
        var root = ScanRoot(index: index, path: path, isWindowsVolume: false, host: .none)
        root.imageVolume = label
        return Volume(root: root, opener: NoFiles(), entries: [], directories: [], coverage: coverage, cloudFolders: [],
                      registry: Registry(), fileTypes: ExtensionTally())
    }

    /// The walk of one file system: the same result a folder's `Walker` gives (folders,
    /// symbolic links and kept files; counts per extension and folder; gaps), single-threaded
    /// because libtsk serialises its reads anyway.
    static func walk(_ system: ImageFileSystem, files: ImageRootFiles, index: Int, keep: KeepRule, excludes: [Glob],
                     progress: (@Sendable (Int) -> Void)?, onKept: (([UInt8]) -> Void)?) -> Walker.Result {
        var result = Walker.Result(entries: [], coverage: Coverage())
        let compiled = keep.globs.map { Glob($0) }
        var tallies: [[UInt8]: [UInt64: Int]] = [:]
        let slash = UInt8(ascii: "/")
        let gaps = system.walk { path, entry in
            if !excludes.isEmpty && excludes.contains(where: { $0.matches(path) }) { return false }
            switch entry.kind {
            case .directory:
                result.entries.append(WalkEntry(path: path, kind: .directory))
                result.coverage.directories += 1
                files.remember(folder: path, inode: entry.inode)
            case .file:
                result.coverage.files += 1
                let folderEnd = path.count - entry.name.count - 1
                let depth = folderEnd <= 0 ? 0 : path[..<folderEnd].reduce(1) { $1 == slash ? $0 + 1 : $0 }
                entry.name.withUnsafeBufferPointer { name in
                    if let ext = ExtensionTally.fileExtension(name) {
                        tallies[folderEnd <= 0 ? [] : Array(path[..<folderEnd]), default: [:]][ext, default: 0] += 1
                    }
                    if keep.keeps(name, depth: depth, compiled: compiled, path: { path }) {
                        result.entries.append(WalkEntry(path: path, kind: .file))
                        files.remember(file: path, inode: entry.inode)
                        onKept?(path)
                    }
                }
                if let progress, result.coverage.files % 4096 == 0 { progress(result.coverage.files) }
            case .symlink:
                result.coverage.symlinks += 1
                result.entries.append(WalkEntry(path: path, kind: .symlink))
            case .special:
                result.coverage.specialFiles += 1
            }
            return true
        }
        for (folder, counts) in tallies { result.fileTypes.add(folder: folder, counts) }
        result.coverage.gaps += gaps.map { Coverage.Gap(location: Location(root: index, path: VolumePath(bytes: $0.path)), reason: $0.reason) }
        return result
    }
}

/// The files of a root that has none (an image none of whose file systems could be read).
struct NoFiles: RootFiles {
    func fileStatus(_ path: [UInt8]) -> (size: UInt64, modified: Date)? { nil }
    func withFile<T>(_ path: [UInt8], _ body: (UInt64, (UInt64, Int) -> [UInt8]?) -> T) -> T? { nil }
    func mapped(_ path: [UInt8]) -> Result<Data, PathOpener.MapFailure> { .failure(.cannotOpen("no such file")) }
    func probe(_ path: [UInt8], cookie: MagicCookie) -> FileProbe { FileProbe.failure("no such file") }
    func files(in folder: [UInt8], excludes: [Glob]) -> [WalkEntry] { [] }
    var log: OpenLog? { nil }
    func close() {}
}

import Foundation
import Glibc
import SunsetCore
import SunsetImage

/// A rescue root inside a disk image: its file system, read through The Sleuth Kit, and the
/// last folder listed (the walk asks for each file's status just after listing its folder, so
/// that listing answers it).
final class ImageTree: @unchecked Sendable {
    let system: ImageFileSystem
    private var cached: (folder: [UInt8], entries: [ImageFileSystem.Entry])?

    init(system: ImageFileSystem) { self.system = system }

    /// Opens the file system of the disk image at `path` that the scan labelled `volume`.
    static func open(image path: String, volume: String) throws(RescueError) -> ImageTree {
        let disk: DiskImage
        let systems: [ImageFileSystem]
        do {
            disk = try DiskImage.open(path)
            systems = try disk.fileSystems().fileSystems
        } catch {
            throw .unreadable(path, reason: error.reason)
        }
        guard let system = systems.first(where: { $0.label == volume }) else {
            throw .unreadable(path, reason: "the image no longer holds the file system '\(volume)'")
        }
        return ImageTree(system: system)
    }

    /// The entries of a folder, by its path below the file system's root.
    func entries(of folder: VolumePath) -> Result<[ImageFileSystem.Entry], Errno> {
        if let cached, cached.folder == folder.bytes { return .success(cached.entries) }
        let inode: UInt64
        if folder.bytes.isEmpty {
            inode = system.rootInode
        } else {
            guard let entry = system.entry(at: folder.bytes) else { return .failure(Errno(ENOENT)) }
            guard entry.kind == .directory else { return .failure(Errno(ENOTDIR)) }
            inode = entry.inode
        }
        switch system.entries(ofFolder: inode) {
        case let .success(entries):
            cached = (folder.bytes, entries)
            return .success(entries)
        case .failure:
            return .failure(Errno(EIO))
        }
    }

    /// The entry at `path`, nil when there is none.
    func entry(at path: VolumePath) -> ImageFileSystem.Entry? {
        guard let name = path.components.last, case let .success(entries) = entries(of: path.parent) else { return nil }
        return entries.first { $0.name.elementsEqual(name) }
    }
}

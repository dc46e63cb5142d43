import Foundation
import Glibc

/// The bag's hidden work folder (`.sunset-work`): where each copy is written before it is
/// moved into `data/`, and where tag files are written before being renamed into place, so
/// that no file in the bag is ever half-written. It is emptied when a run starts and removed
/// when the bag is finished.
struct WorkFolder {
    static let name = ".sunset-work"
    /// The temporary copy's name, one at a time.
    static let copyName = "copying"

    let bag: String
    var path: String { bag + "/" + Self.name }

    /// Creates the folder afresh (a killed run's leftovers are thrown away).
    init(bag: String) throws(RescueError) {
        self.bag = bag
        let path = bag + "/" + Self.name
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path, reason: error.localizedDescription)
        }
    }

    /// Removes the folder once the bag is finished.
    func remove() { try? FileManager.default.removeItem(atPath: path) }

    // MARK: - Copies

    private var copyPath: String { path + "/" + Self.copyName }

    /// A new, empty temporary copy open for writing.
    func createCopy() -> Result<Int32, Errno> {
        let fd = open(copyPath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        return fd >= 0 ? .success(fd) : .failure(Errno(errno))
    }

    /// Throws the temporary copy away.
    func discardCopy() { unlink(copyPath) }

    /// Moves the finished temporary copy to `destination`, creating its folders.
    func moveCopy(to destination: String) -> Result<Void, Errno> {
        let folder = (destination as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return .failure(Errno(EIO))
        }
        return rename(copyPath, destination) == 0 ? .success(()) : .failure(Errno(errno))
    }

    // MARK: - Tag files

    /// Writes `bytes` to `name` at the bag's top: into the work folder first, flushed, then renamed.
    func writeTagFile(_ name: String, _ bytes: [UInt8]) throws(RescueError) {
        let temporary = path + "/tag-" + name
        let target = bag + "/" + name
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw .cannotWrite(target, reason: Errno(errno).description) }
        var offset = 0
        while offset < bytes.count {
            let wrote = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if wrote < 0 && errno == EINTR { continue }
            guard wrote > 0 else {
                close(fd)
                throw .cannotWrite(target, reason: Errno(errno).description)
            }
            offset += wrote
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, target) == 0 else { throw .cannotWrite(target, reason: Errno(errno).description) }
    }
}

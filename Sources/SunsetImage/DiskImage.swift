import CTSK
import Foundation

/// A disk image opened read-only through The Sleuth Kit: raw (`.dd`, `.img`, `.raw`), split
/// raw (give the first segment, `.001`), EnCase (`.E01`, with its `.E02`… beside it), VHD,
/// VHDX and VMDK. The format is told by the library from the content, not the name.
///
/// Nothing here can write: libtsk and the image libraries open every segment read-only, and
/// this API has no call that writes. All library calls on one image go through its lock
/// (libtsk's caches are per image), so the handles may be shared between threads.
public final class DiskImage: @unchecked Sendable {
    /// The path given (the first segment of a split or multi-segment image).
    public let path: String
    /// What the library recognised.
    public let format: Format
    /// The size of the disk the image holds, in bytes.
    public let size: UInt64
    /// The sector size of the disk (512 unless the image says otherwise).
    public let sectorSize: Int

    let info: UnsafeMutablePointer<TSK_IMG_INFO>

    /// The formats told apart.
    public enum Format: String, Sendable, CaseIterable {
        case raw = "raw"
        case splitRaw = "split raw"
        case encase = "EnCase (E01)"
        case vhd = "VHD"
        case vhdx = "VHDX"
        case vmdk = "VMDK"
        case other = "disk image"
    }

    /// The image's file name, e.g. `pc.E01`, as labels show it.
    public var name: String { (path as NSString).lastPathComponent }

    /// Opens the image at `path`. Throws `ImageError` with a one-line reason when it cannot
    /// be opened (missing, unreadable, a damaged container).
    public static func open(_ path: String) throws(ImageError) -> DiskImage {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImageError(image: path, reason: "no such file")
        }
        guard !isFolder.boolValue else { throw ImageError(image: path, reason: "a folder, not an image file") }
        guard access(path, R_OK) == 0 else { throw ImageError(image: path, reason: String(cString: strerror(errno))) }
        return try SleuthKit.locked { () throws(ImageError) -> DiskImage in
            tsk_error_reset()
            guard let info = tsk_img_open_utf8_sing(path, TSK_IMG_TYPE_DETECT, 0) else {
                throw ImageError(image: path, reason: SleuthKit.lastError(or: "not an image The Sleuth Kit can open"))
            }
            return DiskImage(path: path, info: info)
        }
    }

    private init(path: String, info: UnsafeMutablePointer<TSK_IMG_INFO>) {
        self.path = path
        self.info = info
        size = UInt64(max(0, info.pointee.size))
        sectorSize = Int(info.pointee.sector_size == 0 ? 512 : info.pointee.sector_size)
        format = Self.format(of: info, path: path)
    }

    deinit {
        SleuthKit.locked { tsk_img_close(info) }
    }

    private static func format(of info: UnsafeMutablePointer<TSK_IMG_INFO>, path: String) -> Format {
        let type = info.pointee.itype.rawValue
        if type & TSK_IMG_TYPE_RAW.rawValue != 0 { return info.pointee.num_img > 1 ? .splitRaw : .raw }
        if type & TSK_IMG_TYPE_EWF_EWF.rawValue != 0 { return .encase }
        if type & TSK_IMG_TYPE_VMDK_VMDK.rawValue != 0 { return .vmdk }
        if type & TSK_IMG_TYPE_VHD_VHD.rawValue != 0 {
            // libvhdi reads both; VHDX files start with "vhdxfile".
            guard let handle = FileHandle(forReadingAtPath: path) else { return .vhd }
            defer { try? handle.close() }
            let head = (try? handle.read(upToCount: 8)) ?? Data()
            return head == Data("vhdxfile".utf8) ? .vhdx : .vhd
        }
        return .other
    }

    /// Reads `count` bytes of the disk at byte `offset`; nil when the image cannot give them.
    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset < size else { return nil }
        let wanted = Int(min(UInt64(count), size - offset))
        var buffer = [UInt8](repeating: 0, count: wanted)
        let got = SleuthKit.locked {
            buffer.withUnsafeMutableBytes { tsk_img_read(info, TSK_OFF_T(offset), $0.baseAddress!.assumingMemoryBound(to: CChar.self), wanted) }
        }
        return got == wanted ? buffer : nil
    }

    // MARK: - Volumes

    /// The file systems on the disk, in the order of the partition table (or the disk's own
    /// file system when it has no partition table), and what could not be opened, each with
    /// a one-line reason. Throws when the disk holds neither.
    public func fileSystems() throws(ImageError) -> (fileSystems: [ImageFileSystem], gaps: [ImageGap]) {
        let table = SleuthKit.locked { () -> [Partition]? in
            tsk_error_reset()
            guard let vs = tsk_vs_open(info, 0, TSK_VS_TYPE_DETECT) else { return nil }
            defer { tsk_vs_close(vs) }
            var found: [Partition] = []
            for index in 0..<vs.pointee.part_count {
                guard let part = tsk_vs_part_get(vs, index),
                      part.pointee.flags.rawValue & TSK_VS_PART_FLAG_ALLOC.rawValue != 0 else { continue }
                found.append(Partition(number: found.count + 1, start: UInt64(part.pointee.start) * UInt64(vs.pointee.block_size),
                                       length: UInt64(part.pointee.len) * UInt64(vs.pointee.block_size),
                                       description: part.pointee.desc.map { String(cString: $0) } ?? "unknown type"))
            }
            return found
        }
        // A lone partition from the first sector on is the disk's own file system (a boot
        // sector that also reads as a partition table, as mformat writes on a stick).
        let bare = table.map { $0.count == 1 && $0[0].start == 0 } ?? true
        guard let table, !bare else {
            // No partition table: the whole disk may be one file system (a USB stick, a
            // partition imaged alone).
            switch ImageFileSystem.open(image: self, partition: nil) {
            case .success(let system): return ([system], [])
            case .failure(let reason):
                throw ImageError(image: path, reason: "neither a partition table nor a file system found (\(reason.reason))")
            }
        }
        var systems: [ImageFileSystem] = []
        var gaps: [ImageGap] = []
        for partition in table {
            switch ImageFileSystem.open(image: self, partition: partition) {
            case .success(let system): systems.append(system)
            case .failure(let gap): gaps.append(gap)
            }
        }
        return (systems, gaps)
    }

    /// One allocated entry of the partition table.
    public struct Partition: Sendable, Hashable {
        /// 1 for the first allocated partition, and so on in table order.
        public var number: Int
        /// Byte offset and length on the disk.
        public var start: UInt64
        public var length: UInt64
        /// The table's own description of its type, e.g. "NTFS / exFAT (0x07)".
        public var description: String
    }
}

/// Why an image, or a part of it, cannot be read: one line naming it.
public struct ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    public var image: String
    public var reason: String

    public init(image: String, reason: String) {
        self.image = image
        self.reason = reason
    }

    public var description: String { "\((image as NSString).lastPathComponent): \(reason)" }
}

/// A part of an image that is not scanned (a partition with no readable file system, an
/// encrypted volume, a folder that cannot be listed), with why.
public struct ImageGap: Error, Sendable, Hashable {
    /// What was skipped: "pc.E01 · partition 3" or a path inside a file system.
    public var place: String
    /// The folder inside the file system, when the gap is one (empty otherwise).
    public var path: [UInt8]
    public var reason: String

    public init(place: String, path: [UInt8] = [], reason: String) {
        self.place = place
        self.path = path
        self.reason = reason
    }
}

/// The Sleuth Kit itself: its version, its error text, and the one lock its calls go through.
public enum SleuthKit {
    /// The library's version, e.g. "4.11.1".
    public static var version: String { String(cString: tsk_version_get_str()) }

    /// libtsk keeps its error in a thread-local buffer and shares caches per image; one lock
    /// for all calls keeps both simple (a scan reads candidates only, so this costs little).
    static let lock = NSRecursiveLock()

    static func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The library's last error as one line, or `fallback`.
    static func lastError(or fallback: String) -> String {
        guard let text = tsk_error_get() else { return fallback }
        let line = String(cString: text).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        tsk_error_reset()
        return line.isEmpty ? fallback : line
    }
}

import CTSK
import Foundation

/// One file system inside a disk image (a partition's, or the whole disk's), read through
/// libtsk without mounting: its folders listed, its files read by path or by metadata
/// address, in bounded pieces. Paths are bytes (libtsk gives names in UTF-8), relative to the
/// file system's root, `/`-separated, without a leading slash.
///
/// What a listing leaves out: `.` and `..`, names no longer allocated (deleted entries),
/// the entries libtsk makes up (`$OrphanFiles`, FAT's `$MBR`/`$FAT1`…, NTFS' alternate data
/// streams are not listed either), NTFS' own metadata files at the root (`$MFT`,
/// `$Extend`…) and FAT's volume-label entry. The scanner sees what Windows' Explorer would.
public final class ImageFileSystem: @unchecked Sendable {
    public let image: DiskImage
    /// The partition it lies in; nil when the disk holds one file system and no table.
    public let partition: DiskImage.Partition?
    /// Byte offset of the file system in the disk.
    public let offset: UInt64
    /// The kind of file system: "NTFS", "FAT32", "exFAT", "ext4"…
    public let type: String
    /// The volume's own label ("Windows", "USBSTICK"), when it has one.
    public private(set) var volumeLabel: String?

    let info: UnsafeMutablePointer<TSK_FS_INFO>
    let isNTFS: Bool
    let isFAT: Bool
    private static let fatLabelSuffix = Array(" (Volume Label Entry)".utf8)

    /// "pc.E01 · partition 2, NTFS 'Windows'", or "usb.img · FAT16 'USBSTICK'" for a disk
    /// without a partition table.
    public var label: String {
        var text = image.name + " · "
        if let partition { text += "partition \(partition.number), " }
        text += type
        if let volumeLabel { text += " '\(volumeLabel)'" }
        return text
    }

    /// Where the file system lies, for gaps: "pc.E01 · partition 2" or "usb.img".
    var place: String { Self.place(image: image, partition: partition) }

    static func place(image: DiskImage, partition: DiskImage.Partition?) -> String {
        partition.map { "\(image.name) · partition \($0.number)" } ?? image.name
    }

    private init(image: DiskImage, partition: DiskImage.Partition?, info: UnsafeMutablePointer<TSK_FS_INFO>) {
        self.image = image
        self.partition = partition
        self.info = info
        offset = partition?.start ?? 0
        let ftype = info.pointee.ftype.rawValue
        isNTFS = ftype & TSK_FS_TYPE_NTFS.rawValue != 0
        isFAT = ftype & TSK_FS_TYPE_FAT_DETECT.rawValue != 0 || ftype == TSK_FS_TYPE_EXFAT.rawValue
        type = Self.typeName(info.pointee.ftype)
        volumeLabel = readVolumeLabel()
    }

    deinit {
        SleuthKit.locked { tsk_fs_close(info) }
    }

    /// Opens the file system of `partition` (the whole disk when nil), or says why not.
    static func open(image: DiskImage, partition: DiskImage.Partition?) -> Result<ImageFileSystem, ImageGap> {
        let place = place(image: image, partition: partition)
        let offset = partition?.start ?? 0
        // BitLocker volumes start with "-FVE-FS-" where a boot sector has its OEM name.
        if let head = image.read(at: offset, count: 11), head.count == 11, head[3..<11].elementsEqual("-FVE-FS-".utf8) {
            return .failure(ImageGap(place: place, reason: "a BitLocker-encrypted volume: Sunset cannot read it without unlocking it in Windows"))
        }
        let opened: UnsafeMutablePointer<TSK_FS_INFO>? = SleuthKit.locked {
            tsk_error_reset()
            return tsk_fs_open_img(image.info, TSK_OFF_T(offset), TSK_FS_TYPE_DETECT)
        }
        guard let opened else {
            let what = partition.map { "partition type \($0.description)" } ?? "the disk"
            return .failure(ImageGap(place: place, reason: "no file system The Sleuth Kit can read in \(what) ("
                                     + SleuthKit.lastError(or: "unknown file system") + ")"))
        }
        return .success(ImageFileSystem(image: image, partition: partition, info: opened))
    }

    private static func typeName(_ type: TSK_FS_TYPE_ENUM) -> String {
        let raw = type.rawValue
        if raw == TSK_FS_TYPE_EXFAT.rawValue { return "exFAT" }
        if raw & TSK_FS_TYPE_NTFS.rawValue != 0 { return "NTFS" }
        let name = String(cString: tsk_fs_type_toname(type))
        if name.hasPrefix("fat") || name.hasPrefix("hfs") || name.hasPrefix("ufs") || name.hasPrefix("apfs") { return name.uppercased() }
        return name
    }

    // MARK: - Entries

    /// One name in a folder.
    public struct Entry: Sendable, Hashable {
        public enum Kind: UInt8, Sendable {
            case file, directory, symlink, special
        }

        /// The name's bytes (UTF-8 as libtsk gives it).
        public var name: [UInt8]
        public var kind: Kind
        /// The metadata address (NTFS: the MFT entry; ext: the inode), for `icat`-style reads.
        public var inode: UInt64
        /// The size of the file's default data, in bytes (0 for folders).
        public var size: UInt64
        /// The last modification time the file system records (NTFS: `$STANDARD_INFORMATION`'s).
        public var modified: Date
    }

    /// The metadata address of the root folder.
    public var rootInode: UInt64 { UInt64(info.pointee.root_inum) }

    /// The entries of the folder at metadata address `inode`, or why it cannot be listed.
    public func entries(ofFolder inode: UInt64) -> Result<[Entry], ImageGap> {
        SleuthKit.locked { () -> Result<[Entry], ImageGap> in
            tsk_error_reset()
            guard let dir = tsk_fs_dir_open_meta(info, TSK_INUM_T(inode)) else {
                return .failure(ImageGap(place: place, reason: SleuthKit.lastError(or: "cannot list the folder")))
            }
            defer { tsk_fs_dir_close(dir) }
            let atRoot = inode == rootInode
            var found: [Entry] = []
            let count = tsk_fs_dir_getsize(dir)
            found.reserveCapacity(count)
            for index in 0..<count {
                guard let file = tsk_fs_dir_get(dir, index) else { continue }
                defer { tsk_fs_file_close(file) }
                if let entry = entry(of: file, atRoot: atRoot) { found.append(entry) }
            }
            return .success(found)
        }
    }

    /// The listed entry for a name libtsk returned, or nil for what a listing leaves out.
    private func entry(of file: UnsafeMutablePointer<TSK_FS_FILE>, atRoot: Bool) -> Entry? {
        guard let name = file.pointee.name, let cName = name.pointee.name else { return nil }
        let flags = name.pointee.flags.rawValue
        guard flags & TSK_FS_NAME_FLAG_ALLOC.rawValue != 0 else { return nil }
        let nameType = name.pointee.type
        if nameType == TSK_FS_NAME_TYPE_VIRT || nameType == TSK_FS_NAME_TYPE_VIRT_DIR { return nil }
        let bytes = Array(UnsafeRawBufferPointer(start: cName, count: strlen(cName)))
        if bytes.isEmpty || bytes == [0x2E] || bytes == [0x2E, 0x2E] { return nil }
        let address = UInt64(name.pointee.meta_addr)
        // NTFS' own files ($MFT, $Bitmap, $Extend…) are the first sixteen MFT entries.
        if isNTFS && atRoot && bytes.first == UInt8(ascii: "$") && address < 16 { return nil }
        // FAT's volume label is a root entry that libtsk lists as a file named after it.
        if isFAT && atRoot && bytes.count > Self.fatLabelSuffix.count && bytes.suffix(Self.fatLabelSuffix.count).elementsEqual(Self.fatLabelSuffix)
            && (file.pointee.meta.map { $0.pointee.size == 0 } ?? true) { return nil }
        let kind: Entry.Kind
        switch nameType {
        case TSK_FS_NAME_TYPE_REG: kind = .file
        case TSK_FS_NAME_TYPE_DIR: kind = .directory
        case TSK_FS_NAME_TYPE_LNK: kind = .symlink
        case TSK_FS_NAME_TYPE_UNDEF:
            // Some file systems leave the name's type to the metadata.
            guard let meta = file.pointee.meta else { return nil }
            switch meta.pointee.type {
            case TSK_FS_META_TYPE_REG: kind = .file
            case TSK_FS_META_TYPE_DIR: kind = .directory
            case TSK_FS_META_TYPE_LNK: kind = .symlink
            default: kind = .special
            }
        default: kind = .special
        }
        var size: UInt64 = 0
        var modified = Date(timeIntervalSince1970: 0)
        if let meta = file.pointee.meta {
            if kind == .file { size = UInt64(max(0, meta.pointee.size)) }
            modified = Date(timeIntervalSince1970: TimeInterval(meta.pointee.mtime) + TimeInterval(meta.pointee.mtime_nano) / 1e9)
        }
        return Entry(name: bytes, kind: kind, inode: address, size: size, modified: modified)
    }

    /// The entry at `path` (nil when there is none), found by listing each folder on the way
    /// with the same rules as `entries(ofFolder:)`; names compare byte for byte.
    public func entry(at path: [UInt8]) -> Entry? {
        var current = Entry(name: [], kind: .directory, inode: rootInode, size: 0, modified: Date(timeIntervalSince1970: 0))
        for component in path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            guard current.kind == .directory, case .success(let listed) = entries(ofFolder: current.inode),
                  let next = listed.first(where: { $0.name.elementsEqual(component) }) else { return nil }
            current = next
        }
        return current
    }

    // MARK: - Walking

    /// Walks every folder below the root, depth first, calling `visit` with each entry's
    /// path and the entry; `visit` returns false to stay out of a folder. Folders that cannot
    /// be listed (and loops a damaged file system may hold) are returned as gaps.
    @discardableResult
    public func walk(_ visit: (_ path: [UInt8], _ entry: Entry) -> Bool) -> [ImageGap] {
        var gaps: [ImageGap] = []
        var seen: Set<UInt64> = [rootInode]
        var pending: [([UInt8], UInt64)] = [([], rootInode)]
        while let (folder, inode) = pending.popLast() {
            let listed: [Entry]
            switch entries(ofFolder: inode) {
            case .success(let entries): listed = entries
            case .failure(var gap):
                gap.place += folder.isEmpty ? "" : ": " + String(decoding: folder, as: UTF8.self)
                gap.path = folder
                gaps.append(gap)
                continue
            }
            for entry in listed {
                var path = folder
                if !path.isEmpty { path.append(UInt8(ascii: "/")) }
                path += entry.name
                let descend = visit(path, entry)
                if entry.kind == .directory && descend {
                    if seen.insert(entry.inode).inserted {
                        pending.append((path, entry.inode))
                    } else {
                        gaps.append(ImageGap(place: place + ": " + String(decoding: path, as: UTF8.self), path: path,
                                             reason: "a folder met twice (a damaged file system): not walked again"))
                    }
                }
            }
        }
        return gaps
    }

    // MARK: - Reading

    /// Opens the file at metadata address `inode` for reading; nil with a reason when it
    /// cannot be.
    public func open(inode: UInt64) -> Result<ImageFile, ImageGap> {
        SleuthKit.locked { () -> Result<ImageFile, ImageGap> in
            tsk_error_reset()
            guard let file = tsk_fs_file_open_meta(info, nil, TSK_INUM_T(inode)) else {
                return .failure(ImageGap(place: place, reason: SleuthKit.lastError(or: "cannot open the file")))
            }
            let size = file.pointee.meta.map { UInt64(max(0, $0.pointee.size)) } ?? 0
            return .success(ImageFile(system: self, file: file, size: size))
        }
    }

    /// Opens the file at `path`; nil with a reason when there is none or it is not a file.
    public func open(path: [UInt8]) -> Result<ImageFile, ImageGap> {
        guard let entry = entry(at: path) else {
            return .failure(ImageGap(place: place + ": " + String(decoding: path, as: UTF8.self), reason: "no such file"))
        }
        guard entry.kind == .file else {
            return .failure(ImageGap(place: place + ": " + String(decoding: path, as: UTF8.self), reason: "not a regular file"))
        }
        return open(inode: entry.inode)
    }

    // MARK: - Volume label

    private func readVolumeLabel() -> String? {
        let raw = info.pointee.ftype.rawValue
        if isNTFS {
            // $Volume (MFT entry 3) holds the label in its $VOLUME_NAME attribute, UTF-16LE.
            return SleuthKit.locked { () -> String? in
                guard let file = tsk_fs_file_open_meta(info, nil, 3) else { tsk_error_reset(); return nil }
                defer { tsk_fs_file_close(file) }
                guard let attribute = tsk_fs_file_attr_get_type(file, TSK_FS_ATTR_TYPE_NTFS_VNAME, 0, 0) else {
                    tsk_error_reset(); return nil
                }
                let size = Int(min(256, max(0, attribute.pointee.size)))
                guard size > 0 else { return nil }
                var bytes = [UInt8](repeating: 0, count: size)
                let got = bytes.withUnsafeMutableBytes {
                    tsk_fs_attr_read(attribute, 0, $0.baseAddress!.assumingMemoryBound(to: CChar.self), size, TSK_FS_FILE_READ_FLAG_NONE)
                }
                guard got == size else { tsk_error_reset(); return nil }
                let units = stride(from: 0, to: size - 1, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
                return Self.cleaned(String(decoding: units, as: UTF16.self))
            }
        }
        if raw != TSK_FS_TYPE_EXFAT.rawValue && raw & TSK_FS_TYPE_FAT_DETECT.rawValue != 0 {
            // The boot sector's label: offset 43 (FAT12/16) or 71 (FAT32), 11 bytes.
            let at = raw == TSK_FS_TYPE_FAT32.rawValue ? 71 : 43
            guard let bytes = image.read(at: offset + UInt64(at), count: 11) else { return nil }
            let text = String(decoding: bytes, as: UTF8.self)
            return text.trimmingCharacters(in: .whitespaces) == "NO NAME" ? nil : Self.cleaned(text)
        }
        if raw & TSK_FS_TYPE_EXT_DETECT.rawValue != 0 {
            // The superblock (at 1024) holds the label at 120, 16 bytes, NUL-padded.
            guard let bytes = image.read(at: offset + 1024 + 120, count: 16) else { return nil }
            return Self.cleaned(String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self))
        }
        return nil
    }

    private static func cleaned(_ text: String) -> String? {
        let trimmed = text.filter { !$0.isASCII || $0.asciiValue! >= 0x20 }.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// One file of an image's file system, open for reading: bounded reads at any offset, or the
/// whole content in pieces. Nothing is extracted to disk.
public final class ImageFile: @unchecked Sendable {
    public let system: ImageFileSystem
    /// The size of the file's default data stream, in bytes.
    public let size: UInt64
    private let file: UnsafeMutablePointer<TSK_FS_FILE>

    init(system: ImageFileSystem, file: UnsafeMutablePointer<TSK_FS_FILE>, size: UInt64) {
        self.system = system
        self.file = file
        self.size = size
    }

    deinit {
        SleuthKit.locked { tsk_fs_file_close(file) }
    }

    /// The modification time the file system records.
    public var modified: Date {
        guard let meta = file.pointee.meta else { return Date(timeIntervalSince1970: 0) }
        return Date(timeIntervalSince1970: TimeInterval(meta.pointee.mtime) + TimeInterval(meta.pointee.mtime_nano) / 1e9)
    }

    /// Exactly `count` bytes at `offset` (fewer at the end of the file), or nil when the
    /// image cannot give them.
    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0 else { return nil }
        guard offset < size else { return offset == size || count == 0 ? [] : nil }
        let wanted = Int(min(UInt64(count), size - offset))
        if wanted == 0 { return [] }
        var buffer = [UInt8](repeating: 0, count: wanted)
        let got = SleuthKit.locked {
            tsk_error_reset()
            return buffer.withUnsafeMutableBytes {
                tsk_fs_file_read(file, TSK_OFF_T(offset), $0.baseAddress!.assumingMemoryBound(to: CChar.self), wanted,
                                 TSK_FS_FILE_READ_FLAG_NONE)
            }
        }
        return got == wanted ? buffer : nil
    }

    /// Calls `body` with the file's content in pieces of at most `chunk` bytes, in order;
    /// stops early when `body` returns false. False when the image could not give a piece.
    @discardableResult
    public func stream(chunk: Int = 1 << 20, _ body: (ArraySlice<UInt8>) -> Bool) -> Bool {
        var offset: UInt64 = 0
        while offset < size {
            guard let piece = read(at: offset, count: chunk) else { return false }
            if !body(piece[...]) { return true }
            offset += UInt64(piece.count)
        }
        return true
    }
}

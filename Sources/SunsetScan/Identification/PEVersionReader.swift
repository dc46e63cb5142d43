/// Reads the version resource of a PE image with bounded reads: headers, section table and
/// resource tree are checked at every step, and no more than `maxResourceBytes` are read.
/// Malformed input gives an error, never a crash or an unbounded read.
public enum PEVersionReader {
    /// Why an image has no readable version resource.
    public enum Failure: Error, Equatable, Sendable {
        case notPE(String)
        case malformed(String)
        case noVersionResource
    }

    /// The most bytes of resource data ever read.
    public static let maxResourceBytes = 1 << 20
    private static let maxDepthEntries = 64

    /// Reads through `read(offset, count)`, which returns exactly `count` bytes or nil.
    public static func read(size: UInt64, _ read: (UInt64, Int) -> [UInt8]?) -> Result<PEVersionInfo, Failure> {
        do {
            return .success(try parse(size: size, read))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(.malformed("\(error)"))
        }
    }

    /// Parses an image held in memory (tests, fuzzing).
    public static func read(bytes: [UInt8]) -> Result<PEVersionInfo, Failure> {
        read(size: UInt64(bytes.count)) { offset, count in
            guard offset <= UInt64(bytes.count), count >= 0, UInt64(count) <= UInt64(bytes.count) - offset else { return nil }
            return Array(bytes[Int(offset)..<Int(offset) + count])
        }
    }

    // MARK: - Headers

    private struct Section { var virtualAddress: UInt32; var virtualSize: UInt32; var rawOffset: UInt32; var rawSize: UInt32 }

    private static func parse(size: UInt64, _ read: (UInt64, Int) -> [UInt8]?) throws -> PEVersionInfo {
        guard let dos = read(0, 64), dos[0] == 0x4D, dos[1] == 0x5A else { throw Failure.notPE("no MZ header") }
        let peOffset = UInt64(le32(dos, 0x3C))
        guard peOffset + 24 <= size, let coff = read(peOffset, 24), coff[0..<4] == [0x50, 0x45, 0, 0] else {
            throw Failure.notPE("no PE signature")
        }
        let sectionCount = Int(le16(coff, 6))
        let optionalSize = Int(le16(coff, 20))
        guard sectionCount <= 96, optionalSize >= 2, optionalSize <= 4096,
              let optional = read(peOffset + 24, optionalSize) else { throw Failure.malformed("bad COFF header") }
        let magic = le16(optional, 0)
        let is64 = magic == 0x20B
        guard magic == 0x10B || is64 else { throw Failure.malformed("unknown optional header magic") }
        let directoryStart = is64 ? 112 : 96
        let countOffset = is64 ? 108 : 92
        guard optional.count >= directoryStart + 24, le32(optional, countOffset) > 2 else { throw Failure.noVersionResource }
        let resourceRVA = le32(optional, directoryStart + 16)
        let resourceSize = le32(optional, directoryStart + 20)
        guard resourceRVA != 0, resourceSize != 0 else { throw Failure.noVersionResource }
        guard let table = read(peOffset + 24 + UInt64(optionalSize), sectionCount * 40) else {
            throw Failure.malformed("section table past the end")
        }
        let sections = (0..<sectionCount).map { index -> Section in
            let base = index * 40
            return Section(virtualAddress: le32(table, base + 12), virtualSize: le32(table, base + 8),
                           rawOffset: le32(table, base + 20), rawSize: le32(table, base + 16))
        }
        func fileOffset(_ rva: UInt32) -> UInt64? {
            for section in sections {
                let span = max(section.virtualSize, section.rawSize)
                if rva >= section.virtualAddress && UInt64(rva) < UInt64(section.virtualAddress) + UInt64(span) {
                    return UInt64(section.rawOffset) + UInt64(rva - section.virtualAddress)
                }
            }
            return nil
        }
        guard let resourceOffset = fileOffset(resourceRVA) else { throw Failure.malformed("resource directory outside every section") }
        let length = Int(min(UInt64(resourceSize), UInt64(maxResourceBytes), size > resourceOffset ? size - resourceOffset : 0))
        guard length >= 16, let resources = read(resourceOffset, length) else { throw Failure.malformed("resource directory past the end") }
        let (dataRVA, dataSize) = try versionEntry(resources)
        guard let dataOffset = fileOffset(dataRVA), dataSize >= 6, dataSize <= UInt32(maxResourceBytes),
              dataOffset + UInt64(dataSize) <= size, let block = read(dataOffset, Int(dataSize)) else {
            throw Failure.malformed("version resource past the end")
        }
        var info = try VersionBlock.parse(block)
        info.is64Bit = is64
        return info
    }

    /// Walks type → name → language to the first RT_VERSION (16) data entry.
    private static func versionEntry(_ resources: [UInt8]) throws -> (UInt32, UInt32) {
        func entries(at offset: Int) throws -> [(id: UInt32, target: UInt32)] {
            guard offset >= 0, offset + 16 <= resources.count else { throw Failure.malformed("resource directory out of range") }
            let count = Int(le16(resources, offset + 12)) + Int(le16(resources, offset + 14))
            guard count <= maxDepthEntries * 16, offset + 16 + count * 8 <= resources.count else {
                throw Failure.malformed("resource directory entries out of range")
            }
            return (0..<count).map { (le32(resources, offset + 16 + $0 * 8), le32(resources, offset + 20 + $0 * 8)) }
        }
        guard let type = try entries(at: 0).first(where: { $0.id == 16 }), type.target & 0x8000_0000 != 0 else {
            throw Failure.noVersionResource
        }
        guard let name = try entries(at: Int(type.target & 0x7FFF_FFFF)).first, name.target & 0x8000_0000 != 0,
              let language = try entries(at: Int(name.target & 0x7FFF_FFFF)).first, language.target & 0x8000_0000 == 0 else {
            throw Failure.malformed("version resource tree is incomplete")
        }
        let data = Int(language.target)
        guard data + 8 <= resources.count else { throw Failure.malformed("version data entry out of range") }
        return (le32(resources, data), le32(resources, data + 4))
    }

    static func le16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}

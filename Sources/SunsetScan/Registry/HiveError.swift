/// Why a registry hive, or a part of it, could not be read. Each becomes a coverage gap.
enum HiveError: Error, Equatable, CustomStringConvertible {
    /// The file does not start with a regf base block.
    case notAHive(String)
    /// A regf version this reader does not know.
    case unsupportedVersion(major: Int, minor: Int)
    /// A cell offset or length that leads outside the file, or a cell of the wrong kind.
    case badCell(offset: UInt32, reason: String)
    /// More cells than the limit would have to be read.
    case tooMuchWork(limit: Int)
    /// Keys nested deeper than the limit (a loop in a corrupted hive looks like this).
    case tooDeep(limit: Int)
    /// A value larger than the limit.
    case valueTooLarge(size: Int, limit: Int)

    var description: String {
        switch self {
        case let .notAHive(reason): return "not a registry hive: \(reason)"
        case let .unsupportedVersion(major, minor): return "unsupported registry hive version \(major).\(minor)"
        case let .badCell(offset, reason): return "damaged hive: the cell at offset 0x\(String(offset, radix: 16)) \(reason)"
        case let .tooMuchWork(limit): return "stopped after reading \(limit) cells (the limit for one hive)"
        case let .tooDeep(limit): return "keys nested deeper than \(limit) levels"
        case let .valueTooLarge(size, limit): return "a value of \(size) bytes is larger than the \(limit)-byte limit"
        }
    }
}

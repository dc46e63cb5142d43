import Foundation

/// Why a rescue or a verification could not run. Files that could not be saved are not
/// errors: the bag is still made, and the report lists them.
public enum RescueError: Error, Equatable, LocalizedError {
    case destinationInsideRoot(destination: String, root: String)
    case rootInsideDestination(destination: String, root: String)
    case destinationNotAFolder(String)
    case destinationNotEmpty(String)
    case otherRoots(String, recorded: [String])
    case damagedRecord(String, reason: String)
    case foreignPayload(bag: String, file: String)
    case notEnoughSpace(String, needed: UInt64, available: UInt64)
    case nothingToRescue
    case unreadable(String, reason: String)
    case cannotWrite(String, reason: String)
    case notAFolder(String)

    public var errorDescription: String? {
        switch self {
        case let .destinationInsideRoot(destination, root):
            return "the destination '\(destination)' lies inside the scan root '\(root)'; a rescue never writes there — choose a folder on another disk with --to"
        case let .rootInsideDestination(destination, root):
            return "the scan root '\(root)' lies inside the destination '\(destination)'; choose another folder with --to"
        case let .destinationNotAFolder(path):
            return "the destination '\(path)' exists and is not a folder; give a new or empty folder with --to"
        case let .destinationNotEmpty(path):
            return "the destination '\(path)' is not empty and is not a bag made by sunset rescue; give a new or empty folder with --to"
        case let .otherRoots(path, recorded):
            return "the bag '\(path)' was made from other folders (\(recorded.joined(separator: ", "))); rescue those again, or give a new folder with --to"
        case let .damagedRecord(path, reason):
            return "the bag's record '\(path)' cannot be read (\(reason)); give a new folder with --to"
        case let .foreignPayload(bag, file):
            return "the bag '\(bag)' holds '\(file)', which sunset did not put there; move it away or give a new folder with --to"
        case let .notEnoughSpace(path, needed, available):
            return "not enough free space in '\(path)': the copy needs \(ByteCount.text(needed)), \(ByteCount.text(available)) are free"
        case .nothingToRescue:
            return "nothing to rescue: the scan found no company data, backup or export under the given folders"
        case let .unreadable(path, reason): return "cannot read '\(path)': \(reason)"
        case let .cannotWrite(path, reason): return "cannot write '\(path)': \(reason)"
        case let .notAFolder(path): return "'\(path)' is not a folder"
        }
    }
}

/// Byte counts for people: exact bytes, then a rounded binary unit.
enum ByteCount {
    static func text(_ bytes: UInt64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB", "PiB"]
        guard bytes >= 1024 else { return "\(bytes) bytes" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return String(format: "%.1f", value) + " " + units[unit]
    }
}

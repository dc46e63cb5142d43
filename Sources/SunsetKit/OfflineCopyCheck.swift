import SunsetCore
import SunsetRescue

/// Completes the scanner's cheap check of the offline copies it found: a bag small enough
/// to read quickly has every checksum verified too, so a damaged copy does not count.
enum OfflineCopyCheck {
    /// Bags up to this many payload bytes are checked in full during an audit.
    static let fullCheckLimit: UInt64 = 64 << 20

    static func deepen(_ inventory: inout Inventory) {
        guard var copies = inventory.offlineCopies else { return }
        for index in copies.indices {
            let copy = copies[index]
            guard copy.verified, copy.bytes <= fullCheckLimit, inventory.roots.indices.contains(copy.location.root),
                  inventory.roots[copy.location.root].imageVolume == nil else { continue }  // a bag inside a disk image: the scanner's check only
            let root = inventory.roots[copy.location.root].path
            let path = copy.location.path.bytes.isEmpty ? root : (root == "/" ? "" : root) + "/" + copy.location.path.description
            guard let result = try? BagVerifier(bag: path).verify() else { continue }
            copies[index].check = .checksums
            if let problem = result.problems.first {
                copies[index].verified = false
                copies[index].problem = problem.description
            }
            copies[index].evidence.append(Evidence(
                signature: "offline-copy.checksums",
                detail: result.isValid ? "every checksum of every file matches" : "damaged: \(result.problems.count) problem(s), first: \(result.problems[0])",
                path: copy.location.path, confidence: result.isValid ? .high : .low))
        }
        inventory.offlineCopies = copies
    }
}

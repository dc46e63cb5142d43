import Foundation
import SunsetCore

/// Saves the record after a file is verified, at most every tenth of a second, and never
/// spending more than a fifth of the time on it (a large record waits longer), or when told to.
struct RecordSaver {
    let work: WorkFolder
    private var last = Date.distantPast
    private var interval = 0.1

    init(work: WorkFolder) { self.work = work }

    mutating func save(_ record: BagRecord, now: Bool = false) throws(RescueError) {
        guard now || Date().timeIntervalSince(last) >= interval else { return }
        let started = Date()
        try work.writeTagFile(BagIt.recordFile, record.encoded())
        last = Date()
        interval = max(0.1, 4 * last.timeIntervalSince(started))
    }
}

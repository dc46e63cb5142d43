import Foundation
import SunsetCore

/// One dated copy Windows File History kept of a file: where it lies, the file it copies
/// (its path on its drive, with the date suffix taken out of its name) and when it was taken.
struct FileHistoryCopy: Hashable {
    var location: Location
    /// The user and the computer the copies were made for (`FileHistory\<user>\<PC>\`).
    var user: String
    var computer: String
    /// The drive the file was on, as File History names its folder (`C`).
    var drive: String
    /// The copied file's path on that drive, `/`-separated, its name without the suffix.
    var original: String
    /// When the copy was taken (the suffix, in UTC).
    var taken: Date

    /// The original name and the moment of a name carrying File History's suffix
    /// (`dupont (2026_11_28 10_15_00 UTC).mdb` → `dupont.mdb`, 2026-11-28 10:15:00 UTC);
    /// nil for any other name.
    static func parse(_ name: String) -> (name: String, taken: Date)? {
        let characters = Array(name)
        let width = 26  // " (YYYY_MM_DD HH_MM_SS UTC)"
        guard characters.count > width else { return nil }
        var start = characters.count - width
        while start >= 1 {
            if characters[start] == " ", let taken = stamp(characters[start..<(start + width)]) {
                let stem = String(characters[..<start])
                let rest = String(characters[(start + width)...])
                guard !stem.isEmpty, rest.isEmpty || rest.hasPrefix(".") else { return nil }
                return (stem + rest, taken)
            }
            start -= 1
        }
        return nil
    }

    /// The moment in " (YYYY_MM_DD HH_MM_SS UTC)", nil when the text is anything else.
    private static func stamp(_ text: ArraySlice<Character>) -> Date? {
        let chars = Array(text)
        let pattern = Array(" (dddd_dd_dd dd_dd_dd UTC)")
        var digits: [Int] = []
        for (char, expected) in zip(chars, pattern) {
            if expected == "d" {
                guard let value = char.wholeNumberValue, char.isASCII else { return nil }
                digits.append(value)
            } else if char != expected {
                return nil
            }
        }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        return WholeComputerFinder.utcDate(year: number(0..<4), month: number(4..<6), day: number(6..<8),
                                           hour: number(8..<10), minute: number(10..<12), second: number(12..<14))
    }

    /// The original as Windows writes it: `C:\Users\…\dupont.mdb`.
    var windowsPath: String { "\(drive):\\" + original.replacingOccurrences(of: "/", with: "\\") }
}

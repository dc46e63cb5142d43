import Foundation
import SunsetCore

/// One hand-written way to recognise a product's uninstall entries: a regular expression
/// over `DisplayName` (any case) that may capture the `version` or the `cycle`, and how many
/// parts of the version name the cycle (`cycle-parts: 1` makes 60.9.0 cycle 60; 2 makes
/// 2.7.13 cycle 2.7), or the cycle itself when the name tells it and the version does not say
/// it in the data's terms (`cycle: '11.0'` for "Microsoft SQL Server 2012"). Without a
/// `version` group, `DisplayVersion` gives the version.
public struct ProgramPattern: @unchecked Sendable {  // NSRegularExpression is immutable once made
    /// The expression as written, for the match's evidence.
    public var source: String
    let expression: NSRegularExpression
    /// Parts of the version that name the cycle; nil when the expression captures the cycle.
    public var cycleParts: Int?
    /// The cycle every entry the expression matches belongs to (its version may still pick one
    /// of the cycles the data splits it into); nil when the version or a group names it.
    public var cycle: String?

    /// A pattern; nil `expression` errors are reported by the loader.
    init(source: String, cycleParts: Int?, cycle: String? = nil) throws {
        self.source = source
        self.expression = try NSRegularExpression(pattern: source, options: [.caseInsensitive])
        self.cycleParts = cycleParts
        self.cycle = cycle
    }

    /// What the entry's name says: the version and the cycle (either may be missing), or
    /// nil when the pattern does not match the name.
    func match(_ program: InstalledProgram) -> (version: String?, cycle: String?)? {
        let name = program.name as NSString
        guard let found = expression.firstMatch(in: program.name, range: NSRange(location: 0, length: name.length)) else {
            return nil
        }
        func group(_ key: String) -> String? {
            guard expression.numberOfCaptureGroups > 0, source.contains("?<\(key)>") else { return nil }
            let range = found.range(withName: key)
            return range.location == NSNotFound ? nil : name.substring(with: range)
        }
        let version = group("version") ?? program.version
        if let cycle = group("cycle") ?? self.cycle { return (version, cycle) }
        guard let parts = cycleParts, let version else { return (version, nil) }
        let numbers = version.split(separator: ".").prefix(parts)
        return (version, numbers.count == parts ? numbers.joined(separator: ".") : nil)
    }
}

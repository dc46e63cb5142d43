import Foundation
import SunsetCore
#if canImport(Glibc)
import Glibc
#endif

/// A waivers file (`--waivers FILE`, default `.sunset-waivers.yaml`): documented decisions
/// to accept a finding until a date.
///
///     version: 1
///     waivers:
///       - rule: invoice2go-classic/backup-not-offsite
///         subject: Plomberie Martin        # a company or host name, or a path glob
///         reason: The owner copies the backup to a USB disk every Friday.
///         expires: 2027-03-31              # the last day it applies
public struct WaiverSet: Sendable {
    /// One waiver and where it is written.
    public struct Entry: Sendable {
        public var waiver: Waiver
        public var location: SourceLocation
    }

    public var entries: [Entry]
    /// The file it was read from.
    public var file: String

    /// No waivers.
    public static let none = WaiverSet(entries: [], file: "")

    /// Reads waivers strictly. Every `rule` must be one of `knownRules` (full ids).
    public static func load(yaml text: String, file: String, knownRules: [String]) throws -> WaiverSet {
        let top = try StrictYAML.parse(text, file: file).fields(required: ["version", "waivers"])
        let version = try top["version"].int()
        guard version == 1 else { throw top["version"].error("waivers file version \(version) is not supported; write version: 1") }
        let diagnostics = Diagnostics()
        let items = try diagnostics.attempt { try top["waivers"].list() } ?? []
        let entries = try items.compactMap { item in
            try diagnostics.attempt { try entry(item, knownRules: knownRules) }
        }
        try diagnostics.check()
        return WaiverSet(entries: entries, file: file)
    }

    /// Reads a waivers file from disk.
    public static func load(contentsOf url: URL, knownRules: [String]) throws -> WaiverSet {
        try load(yaml: try PackSet.read(url), file: url.path, knownRules: knownRules)
    }

    private static func entry(_ item: StrictYAML, knownRules: [String]) throws -> Entry {
        let fields = try item.fields(required: ["rule", "subject", "reason", "expires"])
        let rule = try fields["rule"].string()
        guard knownRules.contains(rule) else {
            throw fields["rule"].error("no rule '\(rule)' in the loaded packs" + Spelling.hint(for: rule, among: knownRules)
                                       + "; waivers name rules by full id, as `sunset rules list` shows them")
        }
        let waiver = Waiver(rule: rule, subject: try fields["subject"].string(), reason: try fields["reason"].string(),
                            expires: try fields["expires"].date())
        return Entry(waiver: waiver, location: item.location)
    }

    // MARK: - Applying

    /// Marks the findings that an unexpired waiver covers, and adds a finding for each
    /// expired waiver and each waiver that matched nothing. Returns them sorted.
    public func apply(to findings: [Finding], asOf: CalendarDay, language: Language) -> [Finding] {
        var used = Set<Int>()
        var result = findings.map { finding -> Finding in
            var finding = finding
            let index = entries.indices.first { entries[$0].waiver.expires >= asOf && Self.matches(entries[$0].waiver, finding) }
            if let index {
                finding.waiver = entries[index].waiver
                used.insert(index)
            }
            return finding
        }
        for (index, entry) in entries.enumerated() where !used.contains(index) {
            let notice = entry.waiver.expires < asOf ? WaiverNotice.expired : WaiverNotice.unused
            result.append(notice.finding(for: entry, language: language))
        }
        return RuleEngine.sorted(result)
    }

    /// True when the waiver names the finding's rule and its subject: the subject's name
    /// (any case), or a glob over that name or the subject's path (`*` may span folders).
    static func matches(_ waiver: Waiver, _ finding: Finding) -> Bool {
        guard waiver.rule == finding.ruleID else { return false }
        let pattern = waiver.subject
        if pattern.lowercased() == finding.subject.name.lowercased() { return true }
        let candidates = [finding.subject.name] + (finding.subject.location.map { [$0.path.description] } ?? [])
        return candidates.contains { fnmatch(pattern, $0, Self.caseFold) == 0 }
    }

    private static let caseFold: Int32 = 1 << 4  // FNM_CASEFOLD (GNU and BSD agree)
}

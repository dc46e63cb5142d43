import Foundation
import Glibc
import SunsetCore

/// The cycle an installed version belongs to, among those the data lists for its version
/// (SQL Server's `11.0`, `11.0-sp1` … `11.0-sp4`; Internet Explorer's `11`, `11-ltsc` …), and
/// why. A build picks the cycle whose builds hold it: from its first build (the match data's
/// `from`, else just above the previous cycle's last) to its last (the match data's `to`, else
/// the data's `latest`; the newest cycle has no top). Cycles the match data ties to hosts
/// (`hosts: ['*Server*']`) are kept or left out by the host's name and edition first. When
/// nothing places it, the cycle whose support ends last is taken, and its dates are only a
/// lower bound.
struct CycleChoice {
    var cycle: LifecycleCycle
    var why: String
    var confidence: Confidence
    /// True when support lasts at least until the cycle's dates, perhaps longer.
    var lowerBound: Bool

    /// The choice for `wanted` (a cycle, or the version part that names one), the installed
    /// version and the host's "<name> <edition>" (nil when unknown); nil when the data lists no
    /// cycle for it.
    static func choose(_ wanted: String, version: String?, host: String?, in product: LifecycleProduct) -> CycleChoice? {
        let all = product.candidates(for: wanted)
        guard !all.isEmpty else { return nil }
        var candidates = all
        var onHost = ""
        var hostUnknown = false
        if all.contains(where: { product.cycleMatch[$0.cycle]?.hosts != nil }) {
            if let host {
                let mine = all.filter { product.cycleMatch[$0.cycle]?.hosts?.contains { fnmatch($0, host, Self.caseFold) == 0 } == true }
                let rest = all.filter { product.cycleMatch[$0.cycle]?.hosts == nil }
                candidates = !mine.isEmpty ? mine : !rest.isEmpty ? rest : all
                onHost = "; on host '\(host)' that leaves \(candidates.map(\.cycle).joined(separator: ", "))"
            } else {
                hostUnknown = true
            }
        }
        guard let first = candidates.first else { return nil }
        let exact = candidates.first { $0.cycle.lowercased() == wanted.lowercased() }
        let names = all.map(\.cycle).joined(separator: ", ")
        let split = "the data splits \(wanted) into \(names)" + onHost
        guard candidates.count > 1 else {
            if all.count > 1 {
                return CycleChoice(cycle: first, why: split, confidence: .high, lowerBound: false)
            }
            if exact != nil || (first.numbers != nil && first.numbers == LifecycleCycle.numbers(wanted)) {
                return CycleChoice(cycle: first, why: "cycle \(first.cycle)", confidence: .high, lowerBound: false)
            }
            return CycleChoice(cycle: first, why: "cycle \(first.cycle), the only one listed for \(wanted)", confidence: .medium,
                               lowerBound: false)
        }
        var reason = "no version places it in one of them"
        if let version, let build = LifecycleCycle.leadingNumbers(version) {
            let ranges = Self.ranges(candidates, match: product.cycleMatch)
            if ranges.count < candidates.count {
                let missing = candidates.filter { cycle in !ranges.contains { $0.cycle == cycle } }.map(\.cycle)
                reason = "the data and the match data give no builds for \(missing.joined(separator: ", "))"
            } else {
                let holding = ranges.filter { $0.holds(build) }
                if holding.count == 1, let found = holding.first {
                    return CycleChoice(cycle: found.cycle, why: "\(split); build \(version) is \(found.describe)", confidence: .high,
                                       lowerBound: false)
                }
                reason = holding.isEmpty ? "build \(version) lies outside the builds of every one of them"
                    : "build \(version) is within the builds of \(holding.map(\.cycle.cycle).joined(separator: " and "))"
                if holding.count > 1, let found = Self.same(holding.map(\.cycle)) {
                    return CycleChoice(cycle: found, why: "\(split); \(reason), which share the same dates", confidence: .high,
                                       lowerBound: false)
                }
            }
        }
        if hostUnknown { reason = "the host's edition, which decides among them, is unknown; " + reason }
        if let found = Self.same(candidates) {
            let cycle = exact ?? found
            return CycleChoice(cycle: cycle, why: "\(split), which share the same dates; \(reason), so took \(cycle.cycle)",
                               confidence: .high, lowerBound: false)
        }
        let last = candidates.max { Self.ends($0, before: $1) } ?? first
        var why = "\(split); \(reason), so took \(last.cycle), whose support ends last"
        if let end = last.securitySupportEnd { why += " (security support: \(end)" + (last.extendedSupportEnd.map { ", extended: \($0)" } ?? "") + ")" }
        why += ": supported at least until then"
        return CycleChoice(cycle: last, why: why, confidence: .medium, lowerBound: true)
    }

    /// `fnmatch`'s case-folding flag (GNU and BSD agree on its value).
    private static let caseFold: Int32 = 1 << 4

    // MARK: - Builds

    /// One candidate's builds, as far as they are known.
    struct Range {
        var cycle: LifecycleCycle
        /// Lowest build (inclusive), or the build it lies above (exclusive); nil: no floor.
        var from: [Int]?
        var fromIncluded: Bool
        /// Highest build (inclusive); nil: no top.
        var to: [Int]?

        func holds(_ build: [Int]) -> Bool {
            if let from {
                let order = LifecycleCycle.compare(build, from)
                if order == .orderedAscending || (order == .orderedSame && !fromIncluded) { return false }
            }
            if let to, LifecycleCycle.compare(build, to) == .orderedDescending { return false }
            return true
        }

        var describe: String {
            let text = { (numbers: [Int]) in numbers.map(String.init).joined(separator: ".") }
            var parts: [String] = []
            if let from { parts.append(fromIncluded ? "from \(text(from))" : "above \(text(from))") }
            parts.append(to.map { "to \(text($0))" } ?? "and later")
            return "within \(cycle.cycle)'s builds (\(parts.joined(separator: " ")))"
        }
    }

    /// The candidates' build ranges, lowest first; a candidate with neither a first nor a last
    /// build is left out.
    static func ranges(_ candidates: [LifecycleCycle], match: [String: CycleMatch]) -> [Range] {
        let known = candidates.compactMap { cycle -> (LifecycleCycle, [Int]?, [Int]?)? in
            let from = match[cycle.cycle]?.from
            let to = match[cycle.cycle]?.to ?? cycle.latest.flatMap(LifecycleCycle.leadingNumbers)
            return from == nil && to == nil ? nil : (cycle, from, to)
        }.sorted { LifecycleCycle.compare($0.2 ?? $0.1!, $1.2 ?? $1.1!) == .orderedAscending }
        return known.indices.map { index in
            let (cycle, from, to) = known[index]
            let previous = index > 0 ? known[index - 1].2 : nil
            let isLast = index == known.count - 1
            return Range(cycle: cycle, from: from ?? previous, fromIncluded: from != nil, to: isLast ? nil : to)
        }
    }

    // MARK: - Dates

    /// The one cycle to take when every candidate has the same support dates; nil otherwise.
    static func same(_ cycles: [LifecycleCycle]) -> LifecycleCycle? {
        guard let first = cycles.first else { return nil }
        let key = { (cycle: LifecycleCycle) in [cycle.activeSupportEnd, cycle.securitySupportEnd, cycle.extendedSupportEnd] }
        return cycles.allSatisfy { key($0) == key(first) } ? first : nil
    }

    /// True when `left`'s support ends before `right`'s: security support first, then extended,
    /// then active (no date < ended < a day < ongoing).
    static func ends(_ left: LifecycleCycle, before right: LifecycleCycle) -> Bool {
        func rank(_ end: SupportEnd?) -> (Int, CalendarDay?) {
            switch end {
            case nil: return (0, nil)
            case .ended?: return (1, nil)
            case let .date(day)?: return (2, day)
            case .ongoing?: return (3, nil)
            }
        }
        for (a, b) in [(left.securitySupportEnd, right.securitySupportEnd), (left.extendedSupportEnd, right.extendedSupportEnd),
                       (left.activeSupportEnd, right.activeSupportEnd)] {
            let (x, y) = (rank(a), rank(b))
            if x.0 != y.0 { return x.0 < y.0 }
            if let dx = x.1, let dy = y.1, dx != dy { return dx < dy }
        }
        return false
    }
}

extension LifecycleProduct {
    /// The cycles the data lists for `wanted`: the one of that name, those named after it with
    /// a suffix (`11.0-sp4`), and those whose number is the same written otherwise (`10.00` for
    /// `10.0`), in the data's order.
    func candidates(for wanted: String) -> [LifecycleCycle] {
        let key = wanted.lowercased()
        let numbers = LifecycleCycle.numbers(wanted)
        return cycles.filter { cycle in
            let name = cycle.cycle.lowercased()
            if name == key || name.hasPrefix(key + "-") { return true }
            let base = String(name.prefix { $0 != "-" })
            return numbers != nil && LifecycleCycle.numbers(base) == numbers
        }
    }
}

import Foundation
import SunsetCore
import SunsetRules

/// The words of a report in one language, from `Reports/strings.yaml`, and the way that
/// language writes dates, numbers, durations and counts.
struct Labels: Sendable {
    let language: Language
    let texts: [String: String]

    /// The label for `key`; the key in ⟨angle quotes⟩ when the strings lack it, so a missing
    /// label shows (a test renders every report and looks for them).
    subscript(_ key: String) -> String { texts[key] ?? "⟨\(key)⟩" }

    /// A label with `{1}`, `{2}` … replaced by the arguments.
    func fill(_ key: String, _ arguments: Any...) -> String {
        Self.fill(self[key], arguments)
    }

    /// A label that depends on a count: `key.one` or `key.other`, with `{1}` the count.
    /// The language decides which counts take the singular (`Language.takesSingular`).
    func count(_ key: String, _ n: Int, _ more: Any...) -> String {
        Self.fill(self[key + (language.takesSingular(n) ? ".one" : ".other")], [number(n)] + more)
    }

    // MARK: - Dates, numbers, durations

    /// A calendar day written out, e.g. "November 29, 2026" or "1er novembre 2017".
    func day(_ day: CalendarDay) -> String {
        let dayText = day.day == 1 ? self["date.first-day"] : String(day.day)
        return fill("date.long", dayText, self["month.\(day.month)"], String(day.year))
    }

    /// The UTC calendar day of an instant (file times become days in UTC, as the rules see them).
    func day(_ date: Date) -> String { day(CalendarDay(date, timeZone: CalendarDay.utc)) }

    /// An integer with the language's thousands separator: 12,345 or 12 345.
    func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += self["number.group"] }
            grouped.append(digit)
        }
        return (n < 0 ? "-" : "") + grouped
    }

    /// Seconds with two decimals and the language's decimal mark: "0.42 s" or "0,42 s".
    func seconds(_ value: Double) -> String {
        let text = String(format: "%.2f", value).replacingOccurrences(of: ".", with: self["number.decimal"])
        return fill("duration.seconds", text)
    }

    static func fill(_ template: String, _ arguments: [Any]) -> String {
        var text = template
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: "\(argument)")
        }
        return text
    }
}

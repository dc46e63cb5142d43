/// Jet's dates: a double counting days from 1899-12-30, the time of day as its fraction
/// (before 1899-12-30 the fraction still counts forwards from midnight).
enum JetDate {
    /// The day and time of `days`; a `.date` when the time is midnight.
    static func cell(days: Double) -> Cell {
        guard days.isFinite, abs(days) < 3_000_000 else { return .null }
        let whole = days.rounded(.towardZero)
        var milliseconds = Int((abs(days - whole) * 86_400_000).rounded())
        var day = Int(whole)
        if milliseconds >= 86_400_000 { milliseconds -= 86_400_000; day += days < 0 ? -1 : 1 }
        let (year, month, dayOfMonth) = civil(daysSince1899: day)
        if milliseconds == 0 { return .date(year: year, month: month, day: dayOfMonth) }
        let seconds = milliseconds / 1000
        return .dateTime(year: year, month: month, day: dayOfMonth, hour: seconds / 3600, minute: seconds / 60 % 60,
                         second: Double(seconds % 60) + Double(milliseconds % 1000) / 1000)
    }

    /// The calendar day `days` after 1899-12-30 (Howard Hinnant's civil-from-days method).
    static func civil(daysSince1899 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days - 25_569 + 719_468   // 1899-12-30 is 25,569 days before 1970-01-01
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

import Foundation
import SunsetCore
import Testing

/// Calendar days: parsing, validity and exact day arithmetic, across leap years and eras.
@Suite struct CalendarDayTests {
    @Test func parsesOnlyValidDays() {
        #expect(CalendarDay("2017-10-31")?.description == "2017-10-31")
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("2023-02-29") == nil)
        #expect(CalendarDay("2100-02-29") == nil)
        #expect(CalendarDay("2000-02-29") != nil)
        #expect(CalendarDay("2017-13-01") == nil)
        #expect(CalendarDay("17-10-31") == nil)
        #expect(CalendarDay("2017-10-31T00:00") == nil)
    }

    @Test func countsDaysExactly() throws {
        let end = try #require(CalendarDay("2017-10-31"))
        #expect(try #require(CalendarDay("2017-11-01")).days(since: end) == 1)
        #expect(try #require(CalendarDay("2018-06-01")).days(since: end) == 213)
        #expect(try #require(CalendarDay("1970-01-01")).ordinal == 0)
        #expect(end.adding(days: 365).description == "2018-10-31")
    }

    @Test func ordinalsRoundTripOverFourHundredYears() {
        for ordinal in stride(from: -146_097, to: 146_097 * 2, by: 37) {
            #expect(CalendarDay(ordinal: ordinal).ordinal == ordinal)
        }
    }

    @Test func utcDaysOfInstants() {
        let instant = Date(timeIntervalSince1970: 1_509_494_399)  // 2017-10-31T23:59:59Z
        #expect(CalendarDay(instant, timeZone: CalendarDay.utc).description == "2017-10-31")
        #expect(CalendarDay(instant.addingTimeInterval(1), timeZone: CalendarDay.utc).description == "2017-11-01")
    }
}

import Foundation
import SunsetCore
import Testing

/// `results.json` is read back by `sunset report --from`: what it holds must survive the trip.
@Suite struct ResultsCodingTests {
    @Test func aPathThatIsNotUTF8SurvivesEncodingAndDecoding() throws {
        let path = VolumePath(bytes: Array("Compta/Soci".utf8) + [0xE9, 0x74, 0xE9] + Array(".mdb".utf8))
        #expect(path.utf8 == nil)
        let data = try JSONEncoder().encode(path)
        #expect(String(decoding: data, as: UTF8.self).contains("base64"))
        #expect(try JSONDecoder().decode(VolumePath.self, from: data) == path)
    }

    @Test func aCalendarDayIsWrittenAndReadAsYearMonthDay() throws {
        let day = try #require(CalendarDay("2017-10-31"))
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2017-10-31\"]")
        #expect(try JSONDecoder().decode([CalendarDay].self, from: data) == [day])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDay].self, from: Data("[\"2017-02-30\"]".utf8)) }
    }
}

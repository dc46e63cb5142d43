import Testing
@testable import SunsetImage

@Suite struct SleuthKitTests {
    @Test func linksTheSleuthKit() {
        #expect(SleuthKit.version.split(separator: ".").count >= 2)
    }
}

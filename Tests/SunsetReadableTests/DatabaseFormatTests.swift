@testable import SunsetReadable
import Testing

/// The shared model of the readable copies.
@Suite struct DatabaseFormatTests {
    @Test func everyFormatButParadoxIsRead() {
        #expect(DatabaseFormat.allCases.filter { !$0.isReadable } == [.paradox])
        #expect(Set(DatabaseFormat.allCases.map(\.displayName)).count == DatabaseFormat.allCases.count)
    }

    @Test func errorsSayWhatAndWhere() {
        #expect(ReadableError.damaged(table: "Kunden", reason: "page 12 is not a data page").localizedDescription
                == "table 'Kunden': page 12 is not a data page")
        #expect(ReadableError.unsupportedFormat(.paradox).localizedDescription.contains("Paradox"))
    }
}

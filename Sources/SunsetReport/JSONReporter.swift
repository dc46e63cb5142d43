import Foundation
import SunsetCore
import SunsetRules

/// `results.json`: the results as they are, keys sorted, so equal results give equal bytes.
/// The layout is documented in `docs/results.md` and versioned by `schemaVersion`; the
/// run's duration is deliberately not part of it (see there).
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ input: ReportInput) throws -> Data {
        var data = try Self.encoder.encode(input.results)
        data.append(0x0A)
        return data
    }

    /// The encoder every machine format uses: sorted keys, ISO 8601 dates.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Reads results written by this reporter (for `sunset report --from`).
    public static func decode(_ data: Data) throws -> AuditResults {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(AuditResults.self, from: data)
    }
}

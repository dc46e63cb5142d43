/// The parts of a SARIF 2.1.0 log that Sunset writes, as `Codable` types: encoded with
/// sorted keys they give the same bytes for the same results. Absent optionals are left out.
struct SARIFLog: Codable, Equatable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    struct Run: Codable, Equatable {
        var tool: Tool
        var language: String
        var originalUriBaseIds: [String: ArtifactLocation]
        var results: [Result]
        var properties: PropertyBag?
    }

    struct Tool: Codable, Equatable {
        var driver: ToolComponent
        var extensions: [ToolComponent]?
    }

    struct ToolComponent: Codable, Equatable {
        var name: String
        var fullName: String?
        var version: String?
        var semanticVersion: String?
        var rules: [ReportingDescriptor]?
    }

    struct ReportingDescriptor: Codable, Equatable {
        var id: String
        var name: String?
        var shortDescription: MultiformatMessage
        var fullDescription: MultiformatMessage
        var help: MultiformatMessage
        var helpUri: String?
        var defaultConfiguration: Configuration
        var properties: PropertyBag?
    }

    struct Configuration: Codable, Equatable {
        var level: String
    }

    struct MultiformatMessage: Codable, Equatable {
        var text: String
        var markdown: String?
    }

    struct Message: Codable, Equatable {
        var text: String
    }

    struct Result: Codable, Equatable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]?
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var properties: PropertyBag?
    }

    struct Location: Codable, Equatable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Codable, Equatable {
        var artifactLocation: ArtifactLocation
    }

    struct ArtifactLocation: Codable, Equatable {
        var uri: String
        var uriBaseId: String?
        var description: Message?
    }

    struct Suppression: Codable, Equatable {
        var kind: String
        var status: String
        var justification: String
    }

    /// SARIF's free-form `properties`: Sunset puts severities, scopes and tags there.
    struct PropertyBag: Codable, Equatable {
        var severity: String?
        var scope: String?
        var subject: String?
        var asOf: String?
        var tags: [String]?
    }
}

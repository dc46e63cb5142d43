/// The whole outcome of an audit: what was scanned, what was found, what to do next.
/// Its JSON encoding (`results.json`) is versioned by `schemaVersion`.
public struct AuditResults: Hashable, Codable, Sendable {
    /// Version of this JSON layout; raised on any incompatible change (not on an added field:
    /// each checklist step's `label` and each item's `date` came later and may be absent).
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: ToolInfo
    public var asOf: CalendarDay
    public var packs: [PackInfo]
    public var inventory: Inventory
    public var findings: [Finding]
    public var checklist: [ChecklistStep]

    public init(tool: ToolInfo, asOf: CalendarDay, packs: [PackInfo], inventory: Inventory,
                findings: [Finding], checklist: [ChecklistStep]) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = tool
        self.asOf = asOf
        self.packs = packs
        self.inventory = inventory
        self.findings = findings
        self.checklist = checklist
    }

    /// The worst severity among findings that are not waived, nil when there are none.
    public var worstSeverity: Severity? {
        findings.filter { $0.waiver == nil }.map(\.severity).max()
    }
}

/// Name and version of the program that made the results.
public struct ToolInfo: Hashable, Codable, Sendable {
    public var name: String
    public var version: String

    public init(name: String = "sunset", version: String = SunsetVersion.current) {
        self.name = name
        self.version = version
    }
}

/// A rule pack that took part, by id and version.
public struct PackInfo: Hashable, Codable, Sendable {
    public var id: String
    public var name: String
    public var version: String
    /// Where it came from: `built-in` or a file path.
    public var source: String

    public init(id: String, name: String, version: String, source: String) {
        self.id = id
        self.name = name
        self.version = version
        self.source = source
    }
}

/// Sunset's own version.
public enum SunsetVersion {
    public static let current = "0.1.0"
}

/// What `sunset scan` writes: the inventory with the version of its layout and of the tool.
/// Documented in `docs/inventory.md`.
public struct InventoryDocument: Hashable, Codable, Sendable {
    /// Version of this JSON layout; raised on any incompatible change.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: ToolInfo
    public var inventory: Inventory

    public init(inventory: Inventory, tool: ToolInfo = ToolInfo()) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = tool
        self.inventory = inventory
    }
}

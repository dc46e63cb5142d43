/// One column of a table `JetWriter` writes: its name (any letters, spaces allowed) and type.
public struct JetColumn: Hashable, Sendable {
    public var name: String
    public var type: JetType

    public init(_ name: String, _ type: JetType) {
        self.name = name
        self.type = type
    }
}

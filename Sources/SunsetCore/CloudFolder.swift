/// A cloud-sync folder: what is inside it is copied off the machine by its provider.
public struct CloudFolder: Hashable, Codable, Sendable {
    public var provider: String
    public var location: Location

    public init(provider: String, location: Location) {
        self.provider = provider
        self.location = location
    }
}

/// A checklist item that is done: the company (or `global`) and the step id without its pack.
public struct TickKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The name used for the item of a global step.
    public static let global = "global"

    public var company: String
    public var step: String

    public init(company: String, step: String) {
        self.company = company
        self.step = step
    }

    public var description: String { "\(step) · \(company)" }

    public static func < (lhs: TickKey, rhs: TickKey) -> Bool {
        (lhs.company, lhs.step) < (rhs.company, rhs.step)
    }
}

import SunsetCore

/// The step to do first: the first checklist step with an open item (a pack lists its steps
/// in the order they should be done), and the items still open in it, first one first.
public struct NextStep: Hashable, Sendable {
    public var step: ChecklistStep
    /// The open items, never empty.
    public var open: [ChecklistStep.Item]

    /// Nil when every item of every step is done.
    public init?(_ checklist: [ChecklistStep]) {
        guard let step = checklist.first(where: { $0.items.contains { !$0.done } }) else { return nil }
        self.step = step
        self.open = step.items.filter { !$0.done }
    }
}

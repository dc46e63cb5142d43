import SunsetCore

extension ReportModel {
    /// A whole-computer backup as one line: its tool (and computer), place, date, placement,
    /// and what Sunset could make of its content.
    static func wholeComputer(_ backup: WholeComputerBackup, inventory: Inventory, labels: Labels) -> String {
        var state: String
        switch backup.content {
        case .unreadable: state = labels["whole.unreadable"]
        case .notOpened: state = labels["whole.not-opened"]
        case .opened:
            state = backup.companiesInside.isEmpty ? labels["whole.opened-none"]
                : labels.fill("whole.opened", backup.companiesInside.map(\.name).sorted().joined(separator: ", "))
        }
        if backup.recognition == .nameAndStructure && backup.kind == .toolImage { state = labels.fill("whole.by-name", state) }
        let place: String
        switch backup.placement {
        case .local: place = labels["placement.local"]
        case .cloud: place = labels.fill("placement.cloud", backup.cloudProvider ?? labels["placement.cloud-unnamed"])
        case .otherVolume: place = labels["placement.other-volume"]
        }
        let tool = backup.computer.map { labels.fill("whole.computer", backup.toolName, $0) } ?? backup.toolName
        return labels.fill("whole.row", tool, inventory.shown(backup.location), labels.day(backup.date), place, state)
    }
}

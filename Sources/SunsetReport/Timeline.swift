import SunsetCore
import SunsetRules

/// The dates that matter, in order: the product's end of support and offer deadlines, the
/// host systems' release and end of support, each company's last data change and newest
/// backup, and the day the audit judged as of. The reports draw it (HTML) and list it (both).
struct Timeline {
    /// What kind of date an event is, for its colour and its place among same-day events.
    enum Kind: Int, Comparable {
        case product, system, data, today
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    struct Event {
        var day: CalendarDay
        var kind: Kind
        /// What happened, in the report's language (names from the disk included, unescaped).
        var text: String
        /// The same with every name cut to `nameLimit` characters, for the picture: cutting the
        /// whole text would cut off what happened, and a company's two dates would read alike.
        var short: String
    }

    /// Names longer than this are cut with "…" in `Event.short`.
    static let nameLimit = 24

    static func cut(_ name: String) -> String {
        name.count > nameLimit ? String(name.prefix(nameLimit - 1)) + "…" : name
    }

    static func event(_ day: CalendarDay, _ kind: Kind, _ key: String, _ name: String, _ more: String..., labels: Labels) -> Event {
        Event(day: day, kind: kind, text: Labels.fill(labels[key], [name] + more),
              short: Labels.fill(labels[key], [cut(name)] + more.map(cut)))
    }

    var events: [Event]

    init(_ input: ReportInput, labels: Labels) {
        let results = input.results
        var events: [Event] = []
        let inventory = results.inventory
        let used = Set(inventory.installations.map(\.product) + inventory.companies.map(\.product)
                       + inventory.backups.map(\.product))
        for pack in input.packs where used.contains(pack.id) && results.packs.contains(where: { $0.id == pack.id }) {
            let product = pack.product
            if let end = product.supportEnd {
                events.append(Self.event(end, .product, "timeline.support-end", product.name, labels: labels))
            }
            for offer in product.offers {
                events.append(Self.event(offer.deadline, .product, "timeline.offer", product.name, offer.title(labels.language),
                                         labels: labels))
            }
        }
        for root in inventory.roots {
            guard let lifecycle = input.hostLifecycle(root.host) else { continue }
            let name = lifecycle.release ?? root.host.name
            if let day = lifecycle.released { events.append(Self.event(day, .system, "timeline.os-released", name, labels: labels)) }
            if let day = lifecycle.supportEnds {
                let key = lifecycle.isLowerBound ? "timeline.os-support-ends-bound" : "timeline.os-support-ends"
                events.append(Self.event(day, .system, key, name, labels: labels))
            }
        }
        for company in inventory.companies {
            if let change = company.lastChange {
                events.append(Self.event(CalendarDay(change, timeZone: CalendarDay.utc), .data, "timeline.last-change", company.name,
                                         labels: labels))
            }
            if let newest = inventory.readableBackups(of: company).map(\.date).max() {
                events.append(Self.event(CalendarDay(newest, timeZone: CalendarDay.utc), .data, "timeline.newest-backup", company.name,
                                         labels: labels))
            }
        }
        events.append(Event(day: results.asOf, kind: .today, text: labels["timeline.today"], short: labels["timeline.today"]))
        var seen = Set<String>()
        self.events = events
            .filter { seen.insert("\($0.day) \($0.text)").inserted }
            .sorted { ($0.day, $0.kind, $0.text) < ($1.day, $1.kind, $1.text) }
    }
}

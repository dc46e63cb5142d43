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
            events.append(Event(day: product.supportEnd, kind: .product, text: labels.fill("timeline.support-end", product.name)))
            for offer in product.offers {
                events.append(Event(day: offer.deadline, kind: .product,
                                    text: labels.fill("timeline.offer", product.name, offer.title(labels.language))))
            }
        }
        for root in inventory.roots {
            guard let lifecycle = input.hostLifecycle(root.host) else { continue }
            let name = lifecycle.release ?? root.host.name
            if let day = lifecycle.released { events.append(Event(day: day, kind: .system, text: labels.fill("timeline.os-released", name))) }
            if let day = lifecycle.supportEnds {
                events.append(Event(day: day, kind: .system, text: labels.fill("timeline.os-support-ends", name)))
            }
        }
        for company in inventory.companies {
            if let change = company.lastChange {
                events.append(Event(day: CalendarDay(change, timeZone: CalendarDay.utc), kind: .data,
                                    text: labels.fill("timeline.last-change", company.name)))
            }
            if let newest = inventory.readableBackups(of: company).map(\.file.modified).max() {
                events.append(Event(day: CalendarDay(newest, timeZone: CalendarDay.utc), kind: .data,
                                    text: labels.fill("timeline.newest-backup", company.name)))
            }
        }
        events.append(Event(day: results.asOf, kind: .today, text: labels["timeline.today"]))
        var seen = Set<String>()
        self.events = events
            .filter { seen.insert("\($0.day) \($0.text)").inserted }
            .sorted { ($0.day, $0.kind, $0.text) < ($1.day, $1.kind, $1.text) }
    }
}

import Foundation
import SunsetCore

/// Draws a timeline as inline SVG: one line per event, oldest first, each with its label
/// and, below it, its date beside a dot at the event's place in time on a thin axis with a
/// tick for every marked year; a dashed line for the as-of day crosses every line. No script, no external
/// reference, colours from the page's CSS variables (with plain fallbacks), so it prints and
/// follows the dark theme. Sized for a 390 px phone: a narrow view box that scales up.
enum TimelineSVG {
    static let width = 360.0
    static let pad = 10.0
    static let header = 22.0
    static let rowHeight = 42.0
    /// Labels longer than this are cut with "…" (the full text is in the table and the tooltip).
    static let labelLimit = 50

    static func render(_ timeline: Timeline, labels: Labels, titleID: String) -> String {
        let events = timeline.events
        guard let first = events.first?.day, let last = events.last?.day else { return "" }
        let span = max(last.days(since: first), 1)
        let margin = max(span / 30, 15)
        let start = first.adding(days: -margin), end = last.adding(days: margin)
        let total = Double(end.days(since: start))
        func x(_ day: CalendarDay) -> Double { pad + Double(day.days(since: start)) / total * (width - 2 * pad) }
        let height = header + Double(events.count) * rowHeight + 4

        var out = [#"<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 \#(fmt(width)) \#(fmt(height))" "#
            + #"role="img" aria-labelledby="\#(titleID)" font-family="system-ui, sans-serif" font-size="13">"#]
        out.append("<title id=\"\(titleID)\">\(XMLText.content(labels["timeline.svg-title"]))</title>")
        let marks = years(from: start, to: end).compactMap { CalendarDay(year: $0, month: 1, day: 1) }.map { x($0) }
        for (year, at) in zip(years(from: start, to: end), marks) {
            out.append("<text class=\"tl-year\" x=\"\(fmt(at))\" y=\"12\" text-anchor=\"middle\" font-size=\"10\">\(year)</text>")
            out.append("<line class=\"tl-grid\" x1=\"\(fmt(at))\" y1=\"15\" x2=\"\(fmt(at))\" y2=\"\(fmt(header - 2))\"/>")
        }
        let today = fmt(x(timeline.events.first { $0.kind == .today }?.day ?? last))
        out.append("<line class=\"tl-today-line\" x1=\"\(today)\" y1=\"\(fmt(header - 4))\" x2=\"\(today)\" y2=\"\(fmt(height))\" "
                   + "stroke-dasharray=\"4 3\"/>")
        for (index, event) in events.enumerated() {
            let top = header + Double(index) * rowHeight
            let axis = top + 35
            let dot = x(event.day)
            let label = cut(event.short)
            let date = XMLText.content(labels.day(event.day))
            let right = dot < width / 2
            out.append("<g class=\"tl-\(kindName(event.kind))\">")
            out.append("<title>\(XMLText.content(event.text)) — \(date)</title>")
            out.append("<text class=\"tl-label\" x=\"\(fmt(pad))\" y=\"\(fmt(top + 12))\">\(XMLText.content(label))</text>")
            out.append("<line class=\"tl-axis\" x1=\"\(fmt(pad))\" y1=\"\(fmt(axis))\" x2=\"\(fmt(width - pad))\" y2=\"\(fmt(axis))\"/>")
            for at in marks {
                out.append("<line class=\"tl-grid\" x1=\"\(fmt(at))\" y1=\"\(fmt(axis - 3))\" x2=\"\(fmt(at))\" y2=\"\(fmt(axis + 3))\"/>")
            }
            out.append("<circle class=\"tl-dot\" cx=\"\(fmt(dot))\" cy=\"\(fmt(axis))\" r=\"4.5\"/>")
            out.append("<text class=\"tl-date\" x=\"\(fmt(right ? dot + 8 : dot - 8))\" y=\"\(fmt(axis - 6))\" "
                       + "text-anchor=\"\(right ? "start" : "end")\" font-size=\"12\">\(date)</text>")
            out.append("</g>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// The years to mark: at most about six, every 1, 2, 5 or 10 years.
    static func years(from start: CalendarDay, to end: CalendarDay) -> [Int] {
        let first = start.year + 1, last = end.year
        guard first <= last else { return [] }
        let step = [1, 2, 5, 10, 20, 50].first { (last - first) / $0 < 6 } ?? 100
        return Array(stride(from: first + (step - first % step) % step, through: last, by: step))
    }

    static func kindName(_ kind: Timeline.Kind) -> String {
        switch kind {
        case .product: return "product"
        case .system: return "system"
        case .data: return "data"
        case .today: return "today"
        }
    }

    static func cut(_ text: String) -> String {
        text.count > labelLimit ? String(text.prefix(labelLimit - 1)) + "…" : text
    }

    static func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}

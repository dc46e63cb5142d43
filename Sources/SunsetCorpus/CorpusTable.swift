import Foundation

/// The printed summary of a corpus run: precision and recall per case and in total, then every miss.
public enum CorpusTable {
    public static func render(_ scores: [CaseScore]) -> String {
        let total = CaseScore.total(scores)
        let width = max(24, (scores.map(\.name.count).max() ?? 0) + 2)
        func pad(_ text: String, _ count: Int) -> String { text + String(repeating: " ", count: max(0, count - text.count)) }
        func percent(_ value: Double) -> String { pad(String(format: "%.1f%%", value * 100), 11) }
        func row(_ score: CaseScore) -> String {
            pad(score.name, width) + percent(score.findings.precision) + percent(score.findings.recall)
                + percent(score.ticks.precision) + percent(score.ticks.recall) + "\(score.misses.count)"
        }
        var lines = [pad("case", width) + pad("findings", 22) + pad("ticks", 22) + "misses",
                     pad("", width) + pad("precision", 11) + pad("recall", 11) + pad("precision", 11) + pad("recall", 11)]
        lines += scores.map(row)
        lines.append(row(total))
        lines.append("")
        lines.append(total.misses.isEmpty ? "no misses" : "misses (\(total.misses.count)):")
        lines += total.misses.map { "  \($0)" }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }
}

import SunsetCore
import SunsetRules

/// Puts the texts of saved results into another language: findings and checklist steps hold
/// text rendered in the audit's language, so `report --from … --lang fr` judges the saved
/// inventory again with the same packs (same id and version) in the new language and takes
/// the titles, messages, remediations and evidence from there, matched by fingerprint and
/// step id. Severities, waivers and ticks stay as saved; anything unmatched stays as it was.
/// Results already in the language (their titles are the packs' titles in it) are left alone,
/// which spares judging a large inventory again. Results written before checklist steps had a
/// short label and items a date lack both: they are judged again too, and take them from there.
enum Relocalizer {
    static func translate(_ results: AuditResults, packs: [RulePack], language: Language) -> AuditResults {
        let same = packs.filter { pack in results.packs.contains { $0.id == pack.id && $0.version == pack.version } }
        let older = results.checklist.contains { $0.label == nil }
        guard !same.isEmpty, older || !alreadyIn(language, results, packs: same) else { return results }
        let fresh = RuleEngine(packs: same, language: language).evaluate(results.inventory, asOf: results.asOf)
        let findings = Dictionary(fresh.findings.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        let steps = Dictionary(fresh.checklist.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var translated = results
        translated.findings = results.findings.map { finding in
            guard let new = findings[finding.fingerprint], new.ruleID == finding.ruleID else { return finding }
            var copy = finding
            copy.title = new.title
            copy.message = new.message
            copy.remediation = new.remediation
            return copy
        }
        translated.checklist = results.checklist.map { step in
            guard let new = steps[step.id] else { return step }
            let fresh = Dictionary(new.items.map { ($0.company ?? "", $0) }, uniquingKeysWith: { first, _ in first })
            var copy = step
            copy.title = new.title
            copy.label = new.label
            copy.howTo = new.howTo
            copy.items = step.items.map { item in
                var item = item
                let match = fresh[item.company ?? ""]
                item.evidence = match?.evidence ?? item.evidence
                if older { item.date = match?.date }
                return item
            }
            return copy
        }
        return translated
    }

    /// True when every finding's and step's title that a pack knows is that pack's title in `language`.
    static func alreadyIn(_ language: Language, _ results: AuditResults, packs: [RulePack]) -> Bool {
        var titles: [String: String] = [:]
        for pack in packs {
            for rule in pack.rules { titles[rule.fullID] = rule.title(language) }
            for step in pack.checklist { titles[step.fullID] = step.title(language) }
        }
        return results.findings.allSatisfy { finding in titles[finding.ruleID].map { $0 == finding.title } ?? true }
            && results.checklist.allSatisfy { step in titles[step.id].map { $0 == step.title } ?? true }
    }
}

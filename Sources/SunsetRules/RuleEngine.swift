import SunsetCore

/// Judges an inventory with a set of packs: findings and the migration checklist.
/// Order is deterministic: findings worst severity first, then rule id, then subject;
/// checklist steps by pack id, then in the order the pack lists them.
public struct RuleEngine: Sendable {
    public var packs: [RulePack]
    public var language: Language

    /// An engine for `packs`, writing its texts in `language`.
    public init(packs: [RulePack], language: Language = .en) {
        self.packs = packs
        self.language = language
    }

    /// What the engine concluded.
    public struct Outcome: Sendable {
        public var findings: [Finding]
        public var checklist: [ChecklistStep]
    }

    /// Judges `inventory` as of a day, with the built-in OS tables and no warning window.
    public func evaluate(_ inventory: Inventory, asOf: CalendarDay) -> Outcome {
        evaluate(inventory, Evaluation(asOf: asOf, osReleases: PackSet.builtInOSReleases))
    }

    /// Judges `inventory` with the given settings.
    public func evaluate(_ inventory: Inventory, _ evaluation: Evaluation) -> Outcome {
        var findings: [Finding] = []
        var checklist: [ChecklistStep] = []
        for pack in packs.sorted(by: { $0.id < $1.id }) {
            let sheet = FactSheet(inventory: inventory, pack: pack, evaluation: evaluation)
            guard sheet.productPresent else { continue }
            for rule in pack.rules {
                findings += judge(rule, sheet: sheet)
            }
            checklist += pack.checklist.compactMap { step(for: $0, sheet: sheet) }
        }
        return Outcome(findings: Self.sorted(findings), checklist: checklist)
    }

    /// The findings of one rule of `pack` on `inventory` (as its examples are judged).
    public func findings(of rule: Rule, in pack: RulePack, inventory: Inventory, _ evaluation: Evaluation) -> [Finding] {
        let sheet = FactSheet(inventory: inventory, pack: pack, evaluation: evaluation)
        return sheet.productPresent ? judge(rule, sheet: sheet) : []
    }

    /// Worst severity first, then rule id, then subject.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { ($1.severity, $0.ruleID, $0.subject) < ($0.severity, $1.ruleID, $1.subject) }
    }

    // MARK: - Parts

    private func judge(_ rule: Rule, sheet: FactSheet) -> [Finding] {
        sheet.entries(for: rule.scope).filter { rule.condition.holds(for: $0.facts) }.map { entry in
            Finding(
                ruleID: rule.fullID,
                severity: rule.severity,
                subject: entry.subject,
                title: rule.title(language),
                message: TemplateText.render(rule.message(language), facts: entry.facts, language: language),
                remediation: TemplateText.render(rule.remediation(language), facts: entry.facts, language: language),
                evidence: entry.evidence,
                fingerprint: Fingerprint.of(rule.fullID, entry.subject)
            )
        }
    }

    /// The step's items; nil for a step with an `applies-when` that holds for no company.
    private func step(for definition: StepDefinition, sheet: FactSheet) -> ChecklistStep? {
        let entries: [FactSheet.Entry]
        switch definition.per {
        case .company:
            entries = sheet.entries(for: .company).filter { definition.appliesWhen?.holds(for: $0.facts) ?? true }
            if definition.appliesWhen != nil && entries.isEmpty { return nil }
        case .global: entries = [FactSheet.Entry(subject: Subject(kind: .host, name: "machine"), facts: sheet.common, evidence: [])]
        }
        let items = entries.map { entry in
            ChecklistStep.Item(
                company: entry.company,
                done: definition.doneWhen.holds(for: entry.facts),
                evidence: TemplateText.render(definition.evidence(language), facts: entry.facts, language: language),
                date: definition.dateFrom.lazy.compactMap { entry.facts[$0]?.day }.first
            )
        }
        return ChecklistStep(id: definition.fullID, title: definition.title(language),
                             label: definition.label?(language), howTo: definition.howTo(language), items: items)
    }
}

/// A stable identity for a finding: the same rule on the same subject gives the same
/// fingerprint on every run, so SARIF viewers and waivers can follow it over time.
enum Fingerprint {
    /// 64-bit FNV-1a over the rule id and the subject, as 16 hex digits.
    static func of(_ ruleID: String, _ subject: Subject) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x100_0000_01b3
        }
        mix(ruleID.utf8)
        mix(subject.kind.rawValue.utf8)
        mix(subject.name.utf8)
        mix(subject.location?.path.bytes ?? [])
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

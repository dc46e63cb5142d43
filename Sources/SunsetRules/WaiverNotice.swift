import SunsetCore

/// The findings a waivers file itself can give: a waiver past its date, and a waiver that
/// matched nothing. They are Sunset's own, so their texts live here rather than in a pack.
enum WaiverNotice {
    case expired, unused

    var ruleID: String {
        switch self {
        case .expired: return "sunset/waiver-expired"
        case .unused: return "sunset/waiver-unused"
        }
    }

    var severity: Severity {
        switch self {
        case .expired: return .low
        case .unused: return .info
        }
    }

    /// The finding about one waiver. Its subject is the place the waiver is written.
    func finding(for entry: WaiverSet.Entry, language: Language) -> Finding {
        let waiver = entry.waiver
        let subject = Subject(kind: .file, name: "\(entry.location.file):\(entry.location.line)")
        let texts = self.texts(waiver, line: entry.location.line)
        return Finding(
            ruleID: ruleID,
            severity: severity,
            subject: subject,
            title: texts.title(language),
            message: texts.message(language),
            remediation: texts.remediation(language),
            evidence: [Evidence(signature: "waiver", detail: "rule \(waiver.rule), subject \(waiver.subject), expires \(waiver.expires)",
                                confidence: .high)],
            fingerprint: Fingerprint.of(ruleID, subject)
        )
    }

    private func texts(_ w: Waiver, line: Int) -> (title: LocalizedText, message: LocalizedText, remediation: LocalizedText) {
        switch self {
        case .expired:
            return (
                LocalizedText([.en: "A waiver has expired", .fr: "Une dérogation a expiré"]),
                LocalizedText([
                    .en: "The waiver of \(w.rule) for \"\(w.subject)\" ran until \(w.expires); the findings it covered count again. It was granted because: \(w.reason)",
                    .fr: "La dérogation à \(w.rule) pour « \(w.subject) » courait jusqu'au \(w.expires) ; les constats qu'elle couvrait comptent de nouveau. Elle avait été accordée pour ce motif : \(w.reason)",
                ]),
                LocalizedText([
                    .en: "Deal with what the finding points at, or renew the waiver with a new date if its reason still holds.",
                    .fr: "Traitez ce que signale le constat, ou renouvelez la dérogation avec une nouvelle date si son motif tient toujours.",
                ])
            )
        case .unused:
            return (
                LocalizedText([.en: "A waiver matches no finding", .fr: "Une dérogation ne correspond à aucun constat"]),
                LocalizedText([
                    .en: "The waiver of \(w.rule) for \"\(w.subject)\" (line \(line)) matched no finding in this audit: the problem may be gone, or the subject may be misspelt.",
                    .fr: "La dérogation à \(w.rule) pour « \(w.subject) » (ligne \(line)) ne correspond à aucun constat de cet audit : le problème a peut-être disparu, ou l'objet est mal orthographié.",
                ]),
                LocalizedText([
                    .en: "Remove the waiver if the problem is solved; otherwise write its subject as the report names it (a company, a host, or a path glob).",
                    .fr: "Supprimez la dérogation si le problème est réglé ; sinon écrivez son objet comme le rapport le nomme (une société, un hôte ou un motif de chemin).",
                ])
            )
        }
    }
}

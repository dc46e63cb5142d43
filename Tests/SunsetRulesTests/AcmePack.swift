/// A small valid pack for a made-up product; tests break one line of it at a time, so the
/// line numbers in their expectations refer to this text (line 1 is `version: 1`).
enum AcmePack {
    static let text = """
    version: 1
    pack:
      id: acme-ledger
      version: "1"
    product:
      name: Acme Ledger
      vendor: Acme
      support-end: 2020-01-31
      offers:
        - id: loyalty-discount
          title: {en: Half price, fr: Moitié prix}
          deadline: 2020-06-30
    signatures:
      installation:
        folders: ["Program Files*/Acme*"]
        executables: ["**/acme*.exe"]
      company:
        folders: ["Users/*/Documents/Acme/*"]
      backup:
        names: ["**/*.zip"]
        words: [backup]
      export:
        clients: [client]
        products: [product]
    rules:
      - id: support-ended
        scope: installation
        severity: high
        when: {days-since: product.support-end, gt: 0}
        title: {en: Ended, fr: Terminé}
        message: {en: "Ended {{product.support-end}}", fr: "Terminé {{product.support-end}}"}
        remediation: {en: Move, fr: Partir}
        examples:
          fires: [{as-of: support-end+1, installations: 1}]
          passes: [{as-of: support-end, installations: 1}]
      - id: no-backup
        scope: company
        severity: critical
        when: {count: company.backups, where: {fact: backup.readable, eq: true}, eq: 0}
        title: {en: No backup, fr: Pas de sauvegarde}
        message: {en: "{{company.name}} has none", fr: "{{company.name}} n'en a pas"}
        remediation: {en: Back up, fr: Sauvegarder}
        examples:
          fires: [{as-of: 2026-11-29, companies: [{name: A}]}]
          passes: [{as-of: 2026-11-29, companies: [{name: A, backups: [{days-ago: 3}]}]}]
    checklist:
      - id: backup
        per: company
        title: {en: Back up, fr: Sauvegarder}
        how-to: {en: Do it, fr: Faites-le}
        done-when: {fact: company.readable-backups, gt: 0}
        evidence: {en: "{{company.readable-backups}}", fr: "{{company.readable-backups}}"}
    """
}

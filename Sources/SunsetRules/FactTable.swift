/// The facts the engine computes, per scope, in both languages. `FactCatalog` assembles
/// them; `FactSheet` fills them. A fact added here must be filled there and documented in
/// `docs/rule-packs.md` (a test checks the documentation).
enum FactTable {
    typealias Entry = FactCatalog.Entry

    static func entry(_ type: FactType, _ en: String, _ fr: String) -> Entry {
        Entry(type: type, meaning: LocalizedText([.en: en, .fr: fr]))
    }

    // MARK: - Every scope

    static let common: [String: Entry] = [
        "as-of": entry(.date, "the date the audit judges as of (--as-of, default today)",
                       "la date à laquelle l'audit juge (--as-of, par défaut aujourd'hui)"),
        "warn-within": entry(.number, "the number of days ahead that upcoming dates are reported (--warn-within, default 0)",
                             "combien de jours à l'avance les échéances sont signalées (--warn-within, 0 par défaut)"),
        "product.name": entry(.text, "the product's name", "le nom du produit"),
        "product.vendor": entry(.text, "the product's vendor", "l'éditeur du produit"),
        "product.installations": entry(.number, "the number of installations of the product found",
                                       "le nombre d'installations du produit trouvées"),
        "product.companies": entry(.number, "the number of companies (data sets) of the product found",
                                   "le nombre de sociétés (jeux de données) du produit trouvées"),
        "product.readable-backups": entry(.number, "the number of readable backups of the product found",
                                          "le nombre de sauvegardes lisibles du produit trouvées"),
        "product.offsite-backups": entry(.number, "the number of readable backups off the machine (in a cloud folder or on another volume)",
                                         "le nombre de sauvegardes lisibles hors de la machine (dossier cloud ou autre volume)"),
        "whole-computer-backups": entry(.number, "the number of backups of a whole computer found (system images, other imaging tools' files); none counts as a company's backup until opened",
                                        "le nombre de sauvegardes d'un ordinateur entier trouvées (images système, fichiers d'autres outils d'image) ; aucune ne compte comme sauvegarde d'une société tant qu'elle n'est pas ouverte"),
        "newest-whole-computer-backup-date": entry(.date, "the day of the newest of them", "le jour de la plus récente d'entre elles"),
        "newest-whole-computer-backup-tool": entry(.text, "the tool that made it", "l'outil qui l'a faite"),
    ]

    static let commonCollections: [String: FactCatalog.Collection] = [
        "installations": .init(meaning: LocalizedText([.en: "installations of the product", .fr: "installations du produit"]),
                               items: FactCatalog(values: installation, collections: [:])),
        "backups": .init(meaning: LocalizedText([.en: "files that look like a backup of the product, readable or not",
                                                 .fr: "fichiers qui ressemblent à une sauvegarde du produit, lisibles ou non"]),
                         items: FactCatalog(values: backup, collections: [:])),
        "exports": .init(meaning: LocalizedText([.en: "client or product list exports of the product",
                                                 .fr: "exports de liste de clients ou de produits du produit"]),
                         items: FactCatalog(values: export, collections: [:])),
    ]

    // MARK: - Scopes

    static let host: [String: Entry] = [
        "host.family": entry(.text, "the host OS family: windows, linux, macos or unknown",
                             "la famille du système hôte : windows, linux, macos ou unknown"),
        "host.name": entry(.text, "the host OS's name as detected", "le nom du système hôte tel que détecté"),
        "host.build": entry(.number, "the host OS's build number (Windows)", "le numéro de build du système hôte (Windows)"),
        "host.running-system": entry(.flag, "the host is the machine sunset runs on",
                                     "l'hôte est la machine sur laquelle sunset tourne"),
        "host.release": entry(.text, "the host's release, from the OS release table (e.g. Windows 10 22H2)",
                              "la version de l'hôte, d'après la table des versions (p. ex. Windows 10 22H2)"),
        "host.release-date": entry(.date, "when the host's release came out", "la date de sortie de la version de l'hôte"),
        "host.end-of-support": entry(.date, "the last day the host's release is supported",
                                     "le dernier jour de prise en charge de la version de l'hôte"),
    ]

    static let installation: [String: Entry] = [
        "installation.path": entry(.text, "the program's folder or file", "le dossier ou fichier du programme"),
        "installation.version": entry(.text, "the program's version, when found", "la version du programme, si trouvée"),
        "installation.confidence": entry(.text, "how sure the detection is: low, medium or high",
                                         "la certitude de la détection : low, medium ou high"),
    ]

    static let company: [String: Entry] = [
        "company.name": entry(.text, "the company's name", "le nom de la société"),
        "company.folder": entry(.text, "the company's data folder", "le dossier des données de la société"),
        "company.data-files": entry(.number, "the number of data files in the folder", "le nombre de fichiers de données du dossier"),
        "company.backup-only": entry(.flag, "the company is known only from a backup: no folder of its data was found",
                                     "la société n'est connue que par une sauvegarde : aucun dossier de ses données n'a été trouvé"),
        "company.newest-backup-up-to-date": entry(.flag, "the newest readable backup is dated on or after the last data change",
                                                  "la sauvegarde lisible la plus récente date du jour de la dernière modification ou d'après"),
        "company.newest-offsite-backup-date": entry(.date, "the day of the newest readable backup off the machine",
                                                    "le jour de la sauvegarde lisible la plus récente hors de la machine"),
        "company.newest-offsite-backup-up-to-date": entry(.flag, "the newest readable backup off the machine is dated on or after the last data change",
                                                          "la sauvegarde lisible la plus récente hors de la machine date du jour de la dernière modification ou d'après"),
        "company.client-export-outdated-date": entry(.date, "when no client list is up to date: the day of the newest older one",
                                                     "faute de liste de clients à jour : le jour de la plus récente des anciennes"),
        "company.product-export-outdated-date": entry(.date, "when no product list is up to date: the day of the newest older one",
                                                      "faute de liste de produits à jour : le jour de la plus récente des anciennes"),
        "company.offline-copy-up-to-date": entry(.flag, "the newest verified bag was made on or after the last data change",
                                                 "le paquet vérifié le plus récent a été fait le jour de la dernière modification ou après"),
        "company.outdated-copy-path": entry(.text, "when no offline copy is up to date: the newest older one",
                                            "faute de copie hors ligne à jour : la plus récente des anciennes"),
        "company.outdated-copy-date": entry(.date, "the day of that outdated copy", "le jour de cette copie dépassée"),
        "company.last-change": entry(.date, "the day its data last changed", "le jour de la dernière modification de ses données"),
        "company.installed-here": entry(.flag, "an installation is on the same volume as the data",
                                        "une installation se trouve sur le même volume que les données"),
        "company.readable-backups": entry(.number, "the number of readable backups of the company",
                                          "le nombre de sauvegardes lisibles de la société"),
        "company.offsite-backups": entry(.number, "the number of its readable backups off the machine",
                                         "le nombre de ses sauvegardes lisibles hors de la machine"),
        "company.offline-backups": entry(.number, "the number of its readable backups on another volume (an external disk, not a cloud folder)",
                                         "le nombre de ses sauvegardes lisibles sur un autre volume (un disque externe, pas un dossier cloud)"),
        "company.newest-offline-backup-path": entry(.text, "the newest readable backup on another volume",
                                                    "la sauvegarde lisible la plus récente sur un autre volume"),
        "company.newest-offline-backup-date": entry(.date, "the day of that backup", "le jour de cette sauvegarde"),
        "company.client-export-date": entry(.date, "the day of that client list", "le jour de cette liste de clients"),
        "company.product-export-date": entry(.date, "the day of that product list", "le jour de cette liste de produits"),
        "company.newest-backup-path": entry(.text, "the newest readable backup", "la sauvegarde lisible la plus récente"),
        "company.newest-backup-date": entry(.date, "the day of the newest readable backup",
                                            "le jour de la sauvegarde lisible la plus récente"),
        "company.newest-offsite-backup-path": entry(.text, "the newest readable backup off the machine",
                                                    "la sauvegarde lisible la plus récente hors de la machine"),
        "company.client-export-fresh": entry(.flag, "a client list newer than the last data change exists",
                                             "une liste de clients plus récente que la dernière modification existe"),
        "company.product-export-fresh": entry(.flag, "a product list newer than the last data change exists",
                                              "une liste de produits plus récente que la dernière modification existe"),
        "company.client-export-path": entry(.text, "the newest such client list", "la plus récente de ces listes de clients"),
        "company.product-export-path": entry(.text, "the newest such product list", "la plus récente de ces listes de produits"),
        "company.client-table-fresh": entry(.flag, "a complete table recognisably the client list, converted from data as new as the last change, is in a verified offline copy",
                                             "une table reconnue comme la liste des clients, complète et convertie de données aussi récentes que la dernière modification, est dans une copie hors ligne vérifiée"),
        "company.client-table": entry(.text, "the name of that table (else of the newest such table that does not count)",
                                       "le nom de cette table (sinon de la plus récente de ces tables qui ne comptent pas)"),
        "company.client-table-rows": entry(.number, "the rows of that table", "les lignes de cette table"),
        "company.client-table-database": entry(.text, "the database file that table is in", "le fichier de base de données de cette table"),
        "company.client-table-date": entry(.date, "the day that database was last changed (how new the copied data is)",
                                            "le jour de la dernière modification de cette base (l'âge des données copiées)"),
        "company.client-table-place": entry(.text, "the folder of the offline copy holding it", "le dossier de la copie hors ligne qui la contient"),
        "company.client-table-older": entry(.flag, "that table's data is older than the company's last change",
                                             "les données de cette table sont plus anciennes que la dernière modification de la société"),
        "company.client-table-incomplete": entry(.flag, "some rows of that table are missing from its readable copies",
                                                  "des lignes de cette table manquent dans ses copies lisibles"),
        "company.product-table-fresh": entry(.flag, "a complete table recognisably the product list, converted from data as new as the last change, is in a verified offline copy",
                                             "une table reconnue comme la liste des produits, complète et convertie de données aussi récentes que la dernière modification, est dans une copie hors ligne vérifiée"),
        "company.product-table": entry(.text, "the name of that table (else of the newest such table that does not count)",
                                       "le nom de cette table (sinon de la plus récente de ces tables qui ne comptent pas)"),
        "company.product-table-rows": entry(.number, "the rows of that table", "les lignes de cette table"),
        "company.product-table-database": entry(.text, "the database file that table is in", "le fichier de base de données de cette table"),
        "company.product-table-date": entry(.date, "the day that database was last changed (how new the copied data is)",
                                            "le jour de la dernière modification de cette base (l'âge des données copiées)"),
        "company.product-table-place": entry(.text, "the folder of the offline copy holding it", "le dossier de la copie hors ligne qui la contient"),
        "company.product-table-older": entry(.flag, "that table's data is older than the company's last change",
                                             "les données de cette table sont plus anciennes que la dernière modification de la société"),
        "company.product-table-incomplete": entry(.flag, "some rows of that table are missing from its readable copies",
                                                  "des lignes de cette table manquent dans ses copies lisibles"),
        "company.offline-copy": entry(.flag, "a verified bag made by sunset rescue holds the company's data, on another volume or in a cloud folder",
                                      "un sac vérifié fait par sunset rescue contient les données de la société, sur un autre volume ou dans un dossier cloud"),
        "company.offline-copy-path": entry(.text, "the folder of the newest such bag", "le dossier du plus récent de ces sacs"),
        "company.offline-copy-date": entry(.date, "the day that bag was made", "le jour où ce sac a été fait"),
    ]

    static let companyCollections: [String: FactCatalog.Collection] = [
        "company.backups": .init(meaning: LocalizedText([.en: "files that look like backups of the company, readable or not",
                                                         .fr: "fichiers qui ressemblent à des sauvegardes de la société, lisibles ou non"]),
                                 items: FactCatalog(values: backup, collections: [:])),
        "company.exports": .init(meaning: LocalizedText([.en: "client and product lists attributed to the company",
                                                         .fr: "listes de clients et de produits attribuées à la société"]),
                                 items: FactCatalog(values: export, collections: [:])),
    ]

    static let file: [String: Entry] = [
        "file.path": entry(.text, "the file's path", "le chemin du fichier"),
        "file.date": entry(.date, "the day the file was last modified", "le jour de la dernière modification du fichier"),
        "file.readable": entry(.flag, "the file passed its content checks", "le fichier a passé les contrôles de son contenu"),
        "file.problem": entry(.text, "why it cannot be read", "pourquoi il est illisible"),
        "file.companies": entry(.text, "the companies it belongs to, comma-separated", "les sociétés auxquelles il appartient, séparées par des virgules"),
    ]

    // MARK: - Collection items

    static let backup: [String: Entry] = [
        "backup.path": entry(.text, "the backup's path", "le chemin de la sauvegarde"),
        "backup.date": entry(.date, "the day the backup was last modified", "le jour de la dernière modification de la sauvegarde"),
        "backup.readable": entry(.flag, "the backup passed its content checks", "la sauvegarde a passé les contrôles de contenu"),
        "backup.problem": entry(.text, "why the backup cannot be read", "pourquoi la sauvegarde est illisible"),
        "backup.placement": entry(.text, "where it lives: local, cloud or other-volume", "où elle se trouve : local, cloud ou other-volume"),
        "backup.off-machine": entry(.flag, "the backup would survive the loss of the machine", "la sauvegarde survivrait à la perte de la machine"),
        "backup.source": entry(.text, "what made it when not a backup file: file-history or whole-computer",
                               "ce qui l'a faite quand ce n'est pas un fichier de sauvegarde : file-history ou whole-computer"),
        "backup.provider": entry(.text, "the cloud provider, for a backup in a cloud folder", "le fournisseur cloud, pour une sauvegarde dans un dossier cloud"),
        "backup.up-to-date": entry(.flag, "in company.backups: the backup is dated on or after the company's last data change (always true when that change is unknown)",
                                   "dans company.backups : la sauvegarde date du jour de la dernière modification des données de la société ou d'après (toujours vrai si ce jour est inconnu)"),
    ]

    static let export: [String: Entry] = [
        "export.path": entry(.text, "the export's path", "le chemin de l'export"),
        "export.date": entry(.date, "the day the export was last modified", "le jour de la dernière modification de l'export"),
        "export.kind": entry(.text, "what it lists: clients or products", "ce qu'il contient : clients ou products"),
    ]
}

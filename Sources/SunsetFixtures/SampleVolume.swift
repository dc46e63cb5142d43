import Foundation

/// An old office PC's disk, as `sunset demo` shows it: Invoice2go Classic installed, three
/// companies (one in a custom folder), and backups and exports in every state a real
/// machine has — fresh and local, old but in OneDrive, truncated, missing.
public enum SampleVolume {
    /// The companies the sample holds.
    public static let companies = ["Boulangerie Dupont", "Plomberie Martin", "Atelier Martin"]

    /// The clock tests build the sample at, so that findings do not depend on the day.
    public static let fixedNow = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
    /// `fixedNow` as an `--as-of` argument.
    public static let fixedAsOf = "2026-11-29"

    /// A new temporary volume (named after the test) holding the sample at `fixedNow`.
    public static func temporary(_ name: String) throws -> VolumeBuilder {
        let builder = try VolumeBuilder.temporary(name)
        try build(builder, now: fixedNow)
        return builder
    }

    /// Builds the sample in `builder`'s folder with times relative to `now`.
    public static func build(_ builder: VolumeBuilder, now: Date = Date()) throws {
        func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

        // The Windows system and the program.
        try builder.file("Windows/System32/ntoskrnl.exe", PEImages.windows11Kernel, modified: daysAgo(60))
        try builder.file("Program Files (x86)/Invoice2go/Invoice2go.exe", PEImages.invoice2go, modified: daysAgo(3300))
        try builder.file("Program Files (x86)/Invoice2go/i2gcore.dll", Samples.executable(), modified: daysAgo(3300))
        try builder.file("ProgramData/Microsoft/Windows/Start Menu/Programs/Invoice2go/Invoice2go.lnk",
                         Samples.shortcut(), modified: daysAgo(3300))

        // Company 1: recent work, a fresh local backup, a client list but no product list.
        let dupont = "Users/marie/Documents/Invoice2go/Boulangerie Dupont"
        try builder.file("\(dupont)/company.mdb", Samples.accessDatabase("Dupont"), modified: daysAgo(2))
        try builder.file("\(dupont)/Invoices/INV-0107.pdf", Samples.pdf("INV-0107"), modified: daysAgo(2))
        try builder.zip("Users/marie/Documents/Backups/Boulangerie Dupont backup.zip",
                        entries: [("company.mdb", Samples.accessDatabase("Dupont"))], modified: daysAgo(1))
        try builder.file("Users/marie/Documents/Exports/Boulangerie Dupont clients.csv", text: Samples.clientCSV,
                         modified: daysAgo(1))

        // Company 2: an old backup in OneDrive, both exports done long ago.
        let plomberie = "Users/marie/Documents/Invoice2go/Plomberie Martin"
        try builder.file("\(plomberie)/company.mdb", Samples.accessDatabase("Plomberie"), modified: daysAgo(20))
        try builder.zip("Users/marie/OneDrive/Sauvegardes/Plomberie Martin sauvegarde.zip",
                        entries: [("company.mdb", Samples.accessDatabase("Plomberie"))], modified: daysAgo(40))
        try builder.file("Users/marie/OneDrive/Sauvegardes/plomberie_martin_customers.csv", text: Samples.clientCSV,
                         modified: daysAgo(40))
        try builder.file("Users/marie/OneDrive/Sauvegardes/plomberie_martin_products.csv", text: Samples.productCSV,
                         modified: daysAgo(40))

        // Company 3: a custom "Install in Folder" location, and only a broken backup.
        try builder.file("Compta/Invoice2go - Atelier Martin/atelier.mdb", Samples.accessDatabase("Atelier"),
                         modified: daysAgo(5))
        let broken = try builder.zip("Compta/Sauvegardes/Atelier Martin backup.zip",
                                     entries: [("atelier.mdb", Samples.accessDatabase("Atelier"))])
        let whole = try Data(contentsOf: broken)
        try builder.file("Compta/Sauvegardes/Atelier Martin backup.zip", whole.prefix(whole.count / 2), modified: daysAgo(9))

        // Unrelated files the scan walks past.
        try builder.file("Users/marie/Documents/letter.txt", text: "Dear customer,\n", modified: daysAgo(100))
        try builder.file("Users/marie/Pictures/holiday.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0]), modified: daysAgo(200))
    }
}

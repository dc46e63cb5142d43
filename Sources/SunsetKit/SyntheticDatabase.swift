import Foundation
import SunsetFixtures
import SunsetReadable

/// A large made-up Access (Jet 4) database for `Benchmarks/convert`: one table of customers
/// with text, integer, currency, date and memo columns, its rows streamed to the file.
public enum SyntheticDatabase {
    public static func write(rows: Int, to path: String) throws {
        let writer = try JetWriter(url: URL(fileURLWithPath: path))
        let columns = [JetColumn("Numéro", .int32), JetColumn("Nom du client", .text(maxLength: 60)),
                       JetColumn("Ville", .text(maxLength: 40)), JetColumn("Solde", .currency),
                       JetColumn("Dernière facture", .dateTime), JetColumn("Remarques", .memo)]
        let towns = ["Lyon", "Genève", "Köln", "Málaga", "Łódź", "Liège"]
        let lines = (1...rows).lazy.map { index -> [Cell] in
            [.integer(Int64(index)), .text("Client n° \(index) — Société Générale de Crème"),
             .text(towns[index % towns.count]), .decimal("\(index % 100_000).\(String(format: "%02d", index % 100))00"),
             .dateTime(year: 2000 + index % 26, month: 1 + index % 12, day: 1 + index % 28, hour: index % 24, minute: index % 60,
                       second: 0),
             index % 10 == 0 ? .text(String(repeating: "Remarque é ", count: 20)) : .null]
        }
        try writer.addTable("Clients", columns: columns, rows: lines)
        try writer.finish()
    }
}

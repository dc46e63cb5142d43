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

    /// A small file of three tables using every column type the writer has: nulls, empty
    /// texts, memos inline and on their own pages, OLE objects, a table name with spaces
    /// and accents, and a table of many data pages. The Jet fuzzer's seed (Fuzz/jet).
    public static func writeVaried(to path: String) throws {
        let types: [JetColumn] = [JetColumn("N°", .int32), JetColumn("Nom", .text(maxLength: 100)), JetColumn("Actif", .boolean),
                                  JetColumn("Solde", .currency), JetColumn("Créé le", .dateTime), JetColumn("Notes", .memo),
                                  JetColumn("Âge", .byte), JetColumn("Rang", .int16), JetColumn("Taux", .double),
                                  JetColumn("Ratio", .single), JetColumn("Logo", .ole)]
        var rows: [[Cell]] = []
        for index in 0..<40 {
            var row: [Cell] = [.integer(Int64(index) - 20)]
            row.append(index % 7 == 0 ? .null : .text(index % 5 == 0 ? "" : "Zoë « Ćwikła » \(index)"))
            row.append(.boolean(index % 2 == 0))
            row.append(index % 6 == 0 ? .null : .decimal("\(index * 37).\(index % 100)"))
            if index % 4 == 0 {
                row.append(.date(year: 1990 + index, month: 1 + index % 12, day: 1 + index % 28))
            } else {
                row.append(.dateTime(year: 2001, month: 2, day: 3, hour: index % 24, minute: 5, second: 6))
            }
            let memo: Cell = index % 9 == 0 ? .text(String(repeating: "mémoire ", count: 400)) : .text("court \(index)")
            row.append(index % 3 == 0 && index % 9 != 0 ? .null : memo)
            row.append(.integer(Int64(index * 6 % 256)))
            row.append(.integer(Int64(index * 811 % 32767) - 16000))
            row.append(.real(Double(index) / 7))
            row.append(.real(Double(index) * 0.5))
            row.append(index % 8 == 0 ? .binary(Data((0..<(index * 90)).map { UInt8($0 % 251) })) : .null)
            rows.append(row)
        }
        try JetWriter.write([
            JetWriter.Table(name: "Liste des clients", columns: types, rows: rows),
            JetWriter.Table(name: "Kunden Übersicht", columns: [JetColumn("Nummer", .int32), JetColumn("Straße", .text(maxLength: 50))],
                            rows: (0..<600).map { [.integer(Int64($0)), .text("Hauptstraße \($0)")] }),
            JetWriter.Table(name: "Vide", columns: [JetColumn("Rien", .text())], rows: []),
        ], to: URL(fileURLWithPath: path))
    }
}

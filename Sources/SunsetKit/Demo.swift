import Foundation
import SunsetCore
import SunsetFixtures

/// `sunset demo`: builds a sample old-PC volume and audits it, so a newcomer sees a real
/// report with one command.
public enum Demo {
    /// Builds the sample in `folder` (new or empty; a temporary folder when nil) with times
    /// relative to now, then audits it with `options` (whose roots are replaced).
    public static func run(folder: String?, options: AuditOptions) throws -> (volume: String, outcome: Audit.Outcome) {
        let builder: VolumeBuilder
        if let folder {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            guard contents.isEmpty else { throw KitError.demoFolderNotEmpty(folder) }
            builder = try VolumeBuilder(root: URL(fileURLWithPath: folder))
        } else {
            builder = try VolumeBuilder.temporary("demo-volume")
        }
        try SampleVolume.build(builder)
        var options = options
        options.roots = [builder.root.path]
        options.recordsDuration = true  // the sample's times follow the clock, so the run is not reproducible anyway
        return (builder.root.path, try Audit.run(options))
    }
}

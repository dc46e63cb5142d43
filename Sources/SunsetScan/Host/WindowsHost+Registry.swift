import SunsetCore

/// The host of a Windows volume from both its kernel file and its `SOFTWARE` hive.
extension WindowsHost {
    /// Combines the kernel's host with the registry's record. The registry names the release
    /// (its build decides the family, its DisplayVersion or ReleaseId the label: "Windows 11
    /// 23H2") and the edition; the kernel's evidence is kept. When the two builds differ, both
    /// stay as evidence and `conflicts` says so.
    static func combine(_ kernel: HostOS, with registry: WindowsVersion?) -> HostOS {
        guard let registry else { return kernel }
        var host = kernel
        if let build = registry.build {
            let family: String
            if let numbers = registry.numbers {
                family = familyName(major: numbers.major, minor: numbers.minor, build: build)
            } else {
                family = registry.productName ?? kernel.name
            }
            host.name = family + (registry.release.map { " \($0.value)" } ?? "")
            host.build = build
            if let numbers = registry.numbers {
                host.version = ([numbers.major, numbers.minor, build] + (registry.ubr.map { [$0] } ?? []))
                    .map(String.init).joined(separator: ".")
            }
        } else if kernel.build == nil, let productName = registry.productName {
            host.name = productName
        }
        host.edition = registry.edition
        host.productName = registry.productName
        host.installationType = registry.installationType
        host.servicePack = registry.servicePack
        if host.isServer {
            // The kernel and the build name a client release (9600 is "Windows 8.1"); a
            // server is named as its registry names it, its release found by build later.
            host.name = serverName(registry)
        }
        host.displayVersion = registry.release?.value
        host.ubr = registry.ubr
        host.installDate = registry.installDate
        host.evidence.append(Evidence(signature: "host.registry-version", detail: registry.detail, path: registry.hive,
                                      confidence: .high))
        if let kernelBuild = kernel.build, let build = registry.build, kernelBuild != build {
            let kernelFile = kernel.evidence.first { $0.signature == "host.kernel-version" }?.path?.description ?? "the kernel"
            let conflict = "the registry (\(registry.hive)) records \(host.name), build \(build), "
                + "but \(kernelFile) is \(kernel.name), build \(kernelBuild)"
            host.conflicts = [conflict]
            host.evidence.append(Evidence(signature: "host.conflict", detail: conflict, path: registry.hive, confidence: .medium))
        }
        return host
    }

    /// A server's name: its `ProductName` when that names a server ("Windows Server 2012 R2
    /// Standard"), else "Windows Server" and the build.
    static func serverName(_ registry: WindowsVersion) -> String {
        if let product = registry.productName, product.range(of: "server", options: .caseInsensitive) != nil { return product }
        return "Windows Server" + (registry.build.map { " (build \($0))" } ?? "")
    }
}

/// Turns a report model into plain dictionaries, arrays, strings, numbers and flags before
/// rendering. Mustache looks a key up in a struct through `Mirror` on every use — in a section
/// repeated for 10,000 findings, that dominated rendering — while a dictionary lookup is cheap.
/// Converting once keeps the model typed and the rendering fast.
enum TemplateValue {
    static func plain(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        case let strings as [String: String]: return strings
        case let list as [Any]: return list.compactMap(plain)
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                return mirror.children.first.flatMap { plain($0.value) }
            }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let converted = plain(child.value) { fields[label] = converted }
            }
            return fields
        }
    }
}

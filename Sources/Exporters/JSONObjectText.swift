/// One JSON object as text, its keys in byte order (as `JSONSerialization`'s
/// `.sortedKeys` writes them for the ASCII keys used here), for the JSON Lines
/// that `probe`, `validate` and `run --json` print. Written directly because
/// going through `JSONSerialization` and `Any` cost a probe run of 1,000
/// accounts a sixth of its CPU time.
public struct JSONObjectText: Sendable {
    private var members: [(key: String, value: String)] = []

    public init() {}

    /// A string, or `null` for nil.
    public mutating func set(_ key: String, _ value: String?) {
        members.append((key, value.map(JSONText.quoted) ?? "null"))
    }

    public mutating func set(_ key: String, _ value: Int) {
        members.append((key, String(value)))
    }

    /// A finite number (a non-finite one is written as `null`, which JSON can hold).
    public mutating func set(_ key: String, _ value: Double) {
        members.append((key, value.isFinite ? "\(value)" : "null"))
    }

    public mutating func set(_ key: String, _ value: Bool) {
        members.append((key, value ? "true" : "false"))
    }

    public mutating func set(_ key: String, _ values: [String]) {
        members.append((key, "[" + values.map(JSONText.quoted).joined(separator: ",") + "]"))
    }

    public mutating func set(_ key: String, _ values: [JSONObjectText]) {
        members.append((key, "[" + values.map(\.text).joined(separator: ",") + "]"))
    }

    public mutating func set(_ key: String, _ object: JSONObjectText) {
        members.append((key, object.text))
    }

    /// The object on one line, without a line break. A key set twice keeps its last value.
    public var text: String {
        var latest: [String: String] = [:]
        for member in members { latest[member.key] = member.value }
        let keys = latest.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return "{" + keys.map { JSONText.quoted($0) + ":" + latest[$0]! }.joined(separator: ",") + "}"
    }
}

import Foundation

/// Which rules run and at which severity: the defaults, changed by a user's
/// rules file (`--rules FILE`), JSON such as
/// `{"disabled": ["cleartext-connection"], "severity": {"delete-on-server": "error"}}`.
public struct RuleConfiguration: Sendable {
    public var disabled: Set<String> = []
    public var severities: [String: Severity] = [:]

    public init() {}

    /// Why a rules file could not be used.
    public struct FileError: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let message: String
        public var description: String { "\(path): \(message)" }
    }

    public init(file path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(path: path, message: "cannot read the rules file")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FileError(path: path, message: "not a JSON object (expected {\"disabled\": [...], \"severity\": {...}})")
        }
        let known = Set(RuleCatalog.identifiers)
        for key in object.keys where key != "disabled" && key != "severity" {
            throw FileError(path: path, message: "unknown key '\(key)' (expected disabled, severity)")
        }
        if let disabled = object["disabled"] {
            guard let ids = disabled as? [String] else { throw FileError(path: path, message: "disabled: expected a list of rule ids") }
            for id in ids where !known.contains(id) { throw FileError(path: path, message: "disabled: unknown rule '\(id)'") }
            self.disabled = Set(ids)
        }
        if let severity = object["severity"] {
            guard let map = severity as? [String: String] else {
                throw FileError(path: path, message: "severity: expected an object of rule id to error, warning or info")
            }
            for (id, word) in map {
                guard known.contains(id) else { throw FileError(path: path, message: "severity: unknown rule '\(id)'") }
                guard let level = Severity(rawValue: word) else {
                    throw FileError(path: path, message: "severity of \(id): '\(word)' is not error, warning or info")
                }
                severities[id] = level
            }
        }
    }

    func severity(of id: String, default value: Severity) -> Severity? {
        disabled.contains(id) ? nil : severities[id] ?? value
    }
}

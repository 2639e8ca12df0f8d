import Foundation
import Validation

/// The `--rules FILE` of `run` and `validate`: broken JSON is named by line
/// and column here; its content (rule ids, severities) is checked by
/// `RuleConfiguration`.
enum RulesFile {
    static func load(_ path: String) throws -> RuleConfiguration {
        if let data = FileManager.default.contents(atPath: path), let problem = JSONSyntax.problem(in: data) {
            throw Failure(message: "\(path): \(problem)")
        }
        do {
            return try RuleConfiguration(file: path)
        } catch {
            throw Failure(error)
        }
    }
}

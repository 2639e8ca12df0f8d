import Foundation
import Mappings

/// A user's own mapping profile (`--mapping FILE`): JSON in the shape of
/// `MappingProfile`. Its errors name the place in the file: a line and
/// column for broken JSON, a path such as `columns[3].fields` for a wrong
/// shape, so that a hand-written profile can be mended without guessing.
enum MappingFile {
    static func load(_ path: String) throws -> MappingProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: "\(path): cannot read the mapping file")
        }
        let profile: MappingProfile
        do {
            profile = try JSONDecoder().decode(MappingProfile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw Failure(message: "\(path): \(place(context.codingPath)): missing \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) {
            throw Failure(message: "\(path): \(place(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw Failure(message: "\(path): \(place(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw Failure(message: "\(path): \(place(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw Failure(message: "\(path): \(JSONSyntax.problem(in: data) ?? "not a mapping profile: expected a JSON object")")
        }
        do {
            _ = try ProfileCodec(profile)
        } catch {
            throw Failure(message: "\(path): \(error)")
        }
        return profile
    }

    /// `columns[0].fields` for the decoder's coding path; `the top level` for none.
    static func place(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "the top level" }
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }
}

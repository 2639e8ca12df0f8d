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
            throw Failure(message: "\(path): \(syntaxProblem(in: data))")
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

    /// Where the JSON breaks, as a line and column, and how. JSONDecoder says
    /// only "not valid JSON"; JSONSerialization names the byte offset.
    static func syntaxProblem(in data: Data) -> String {
        let bytes = [UInt8](data)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return "empty file: expected a mapping profile (JSON)"
        }
        var detail = "not valid JSON"
        var offset = bytes.count
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return "not a mapping profile: expected a JSON object"
        } catch {
            let said = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if let range = said.range(of: "around character "),
                let number = Int(said[range.upperBound...].prefix { $0.isNumber }) {
                offset = min(number, bytes.count)
                detail = "not valid JSON (" + said[..<range.lowerBound].trimmingCharacters(in: .whitespaces) + ")"
            } else if said.hasPrefix("Unexpected end of file") {
                detail = "not valid JSON (the file ends inside it)"
            } else if !said.isEmpty {
                detail = "not valid JSON (\(said.trimmingCharacters(in: CharacterSet(charactersIn: ". "))))"
            }
        }
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return "line \(line), column \(column): \(detail)"
    }
}

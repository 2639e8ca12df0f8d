import Foundation

/// Where a hand-written JSON file (a mapping profile, a rules file) breaks,
/// as a line and column, and how: JSONDecoder says only "not valid JSON";
/// JSONSerialization names the byte offset, which is turned into a place
/// an editor shows.
enum JSONSyntax {
    /// Nil when the data is valid JSON.
    static func problem(in data: Data) -> String? {
        let bytes = [UInt8](data)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return "empty file: expected JSON"
        }
        var detail = "not valid JSON"
        var offset = bytes.count
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return nil
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

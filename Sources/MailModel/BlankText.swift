/// Whether a text is empty or white space only, as `allSatisfy(\.isWhitespace)`
/// says, without walking Characters for the usual ASCII text: rules ask it
/// of several fields of every account (inlinable, as it was inside the
/// rules' module), and exports of what a target needs.
public enum BlankText {
    @inlinable public static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09...0x0D: continue
            case 0x80...: return text.allSatisfy(\.isWhitespace)  // Unicode spaces (NBSP, …)
            default: return false
            }
        }
        return true
    }
}

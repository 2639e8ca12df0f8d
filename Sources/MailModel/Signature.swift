/// The account's own signature, HTML, with employee placeholders such as
/// {MITARBEITER} or @Bild(0,100,200)@.
public struct Signature: Sendable, Hashable {
    public var enabled = false
    public var html: String = ""

    public init() {}
}

import MailModel
import Testing

@Suite struct CanonicalFieldTests {
    /// A text for every field that is not its empty value.
    static func sample(_ field: CanonicalField) -> String {
        switch field.kind {
        case .text: "Grüße \"x\", y;z\nzweite Zeile"
        case .secret: "pa;ss\"wort"
        case .integer: "993"
        case .boolean: "true"
        case .enumeration(let words): words.last!
        case .date: "2024-02-29"
        case .list: "anna;bern\\;d;c\\\\d"
        case .map: "kunde_nr=4711;notiz=a=b;x\\=y=\\;"
        }
    }

    @Test(arguments: CanonicalField.ordered)
    func everyFieldRoundTripsThroughText(field: CanonicalField) throws {
        var account = MailAccount()
        let text = Self.sample(field)
        try field.assign(text, to: &account)
        #expect(field.text(in: account) == text)
        // Writing one field leaves every other field at its empty value.
        for other in CanonicalField.ordered where other != field {
            #expect(other.text(in: account) == other.text(in: MailAccount()))
        }
    }

    /// The same through the UTF-8 reading that the CSV readers use, whose
    /// text and list fields go through `assignText` and `assignList`: a field
    /// those miss would not come back.
    @Test(arguments: CanonicalField.ordered)
    func everyFieldRoundTripsThroughUTF8(field: CanonicalField) throws {
        var account = MailAccount()
        let text = Self.sample(field)
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { utf8 throws(FieldValueError) in try field.assign(utf8: utf8, to: &account) }
        #expect(field.text(in: account) == text)
    }

    /// The typed accessors a mapping reads and writes a column through
    /// (`textValue`, `flag`, `assignFlag`) serve exactly the text and secret
    /// fields and the switches, each its own field: one that answered for a
    /// field of another kind, or set a different field, would move a column
    /// into the wrong place.
    @Test(arguments: CanonicalField.ordered)
    func typedAccessorsServeTheirKindAndOnlyTheirField(field: CanonicalField) throws {
        var account = MailAccount()
        switch field.kind {
        case .text, .secret:
            #expect(field.flag(in: account) == nil)
            #expect(!field.assignFlag(true, to: &account))
            #expect(field.assignText(Self.sample(field), to: &account))
            #expect(field.textValue(in: account) == Self.sample(field))
        case .boolean:
            #expect(field.textValue(in: account) == nil)
            #expect(field.flag(in: account) == false)
            #expect(field.assignFlag(true, to: &account))
            #expect(field.flag(in: account) == true)
            #expect(field.text(in: account) == "true")
        default:
            #expect(field.textValue(in: account) == nil)
            #expect(field.flag(in: account) == nil)
            #expect(!field.assignFlag(true, to: &account))
        }
        for other in CanonicalField.ordered where other != field {
            #expect(other.text(in: account) == other.text(in: MailAccount()))
        }
    }

    @Test func namesAreUniqueAndSnakeCase() {
        let names = CanonicalField.ordered.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count == 59)
        for name in names { #expect(name.allSatisfy { $0.isLowercase || $0 == "_" }) }
    }

    @Test func wrongKindOfTextThrowsWithFieldAndValue() {
        var account = MailAccount()
        #expect(throws: FieldValueError(field: "incoming_port", text: "abc", expected: "a whole number")) {
            try CanonicalField.incomingPort.assign("abc", to: &account)
        }
        #expect(throws: FieldValueError(field: "ticket_enabled", text: "vielleicht", expected: "true or false")) {
            try CanonicalField.ticketEnabled.assign("vielleicht", to: &account)
        }
        #expect(throws: FieldValueError(field: "incoming_fetch_from", text: "2023-02-30", expected: "a date YYYY-MM-DD")) {
            try CanonicalField.incomingFetchFrom.assign("2023-02-30", to: &account)
        }
        let error = FieldValueError(field: "incoming_port", text: "abc", expected: "a whole number")
        #expect(error.description == "incoming_port: expected a whole number, got 'abc'")
    }

    @Test func valuesThatReadButAreWrongAreKeptRaw() throws {
        var account = MailAccount()
        try CanonicalField.outgoingPort.assign("70000", to: &account)
        try CanonicalField.incomingSecurity.assign("SSL/TLS", to: &account)
        try CanonicalField.archiveDeleteAfterDays.assign("nie", to: &account)
        #expect(account.outgoing.port == 70000)
        #expect(account.incoming.security == .unrecognized("SSL/TLS"))
        #expect(account.archive.deleteAfterDays == .unrecognized("nie"))
        #expect(CanonicalField.incomingSecurity.text(in: account) == "SSL/TLS")
    }

    @Test func canonicalWordsAreReadCaseInsensitively() throws {
        var account = MailAccount()
        try CanonicalField.incomingSecurity.assign("STARTTLS", to: &account)
        try CanonicalField.incomingProtocol.assign("IMAP", to: &account)
        try CanonicalField.ticketEnabled.assign("Yes", to: &account)
        #expect(account.incoming.security == .starttls)
        #expect(account.incoming.protocolKind == .imap)
        #expect(account.ticket.enabled)
    }

    @Test func listsKeepSeparatorsInsideItems() {
        #expect(ListCodec.decode("anna;bern\\;d") == ["anna", "bern;d"])
        #expect(ListCodec.encode(["a;b", "c\\d", ""]) == "a\\;b;c\\\\d;")
        #expect(ListCodec.decode(ListCodec.encode(["a;b", "c\\d", "e"])) == ["a;b", "c\\d", "e"])
        #expect(ListCodec.decode("") == [])
        #expect(ListCodec.decodeMap("a=1;b\\=c=2=3") == [ExtraField(name: "a", value: "1"), ExtraField(name: "b=c", value: "2=3")])
        #expect(ListCodec.decodeMap("kein-gleichheitszeichen") == nil)
    }

    @Test func calendarDates() {
        #expect(CalendarDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "0000-00-00") == nil)
        #expect(CalendarDate(iso: "24-1-1") == nil)
        #expect(CalendarDate(iso: "2024-13-01") == nil)
    }

    /// The key folds ASCII and Latin-1 itself and the rest with Unicode's
    /// lower-casing: for every character the result is `lowercased()`'s
    /// (in the address's local part and the login; domains are in ASCII).
    @Test func theNaturalKeyLowerCasesAsUnicodeDoes() {
        let samples = (0x20...0x2FF).compactMap(Unicode.Scalar.init).map(String.init)
            + ["İstanbul", "ΣΊΣΥΦΟΣ", "ÄÖÜẞ", "Straße", "ǅ", "\u{1F600}"]
        for sample in samples where sample != "@" {
            var account = MailAccount()
            account.identity.email = "Mail\(sample)@Example.DE"
            account.incoming.host = "IMAP.Example.de"
            account.incoming.userName = "\(sample)@Müller.DE"
            let expected = [account.identity.email, account.incoming.host, account.incoming.userName]
                .map { $0.lowercased() }.joined(separator: "\u{1F}")
            #expect(NaturalKey(of: account).description == expected, "\(sample.unicodeScalars.map { $0.value })")
        }
    }

    @Test func naturalKeyIsCaseInsensitiveAndFallsBackToSMTP() {
        var a = MailAccount()
        a.identity.email = "Info@Müller.DE"
        a.incoming.host = "IMAP.example.de"
        a.incoming.userName = "Info"
        #expect(NaturalKey(of: a).description == "info@xn--mller-kva.de\u{1F}imap.example.de\u{1F}info")
        var b = MailAccount()
        b.identity.email = "noreply@x.de"
        b.outgoing.host = "SMTP.x.de"
        b.outgoing.userName = "NoReply"
        #expect(NaturalKey(of: b) == NaturalKey(of: { var c = b; c.outgoing.host = "smtp.x.de"; return c }()))
        #expect(NaturalKey(of: b).description == "noreply@x.de\u{1F}smtp.x.de\u{1F}noreply")
    }

    /// One system stores a domain as typed, another as DNS has it: the key
    /// takes the address's domain and the server in their ASCII form, so
    /// both name the same account. The login stays as it is, and a key of
    /// an older store is upgraded to exactly what the account gives now.
    @Test func theNaturalKeyTakesDomainsInASCII() {
        func key(_ email: String, _ host: String, _ user: String, smtp: Bool = false) -> String {
            var a = MailAccount()
            a.identity.email = email
            if smtp {
                a.outgoing.host = host
                a.outgoing.userName = user
            } else {
                a.incoming.host = host
                a.incoming.userName = user
            }
            return NaturalKey(of: a).description
        }
        let unicode = key("Jörg@Müller-Bau.DE", "Mail.Müller-Bau.de", "Jörg@Müller-Bau.de")
        #expect(unicode == "jörg@xn--mller-bau-q9a.de\u{1F}mail.xn--mller-bau-q9a.de\u{1F}jörg@müller-bau.de")
        #expect(key("jörg@xn--mller-bau-q9a.de", "MAIL.xn--MLLER-BAU-q9a.de", "jörg@müller-bau.de") == unicode)
        #expect(key("jörg@xn--mller-bau-q9a.de", "mail.xn--mller-bau-q9a.de", "jörg@xn--mller-bau-q9a.de") != unicode)
        #expect(key("a@b@Müller.de", "x", "u") == "a@b@xn--mller-kva.de\u{1F}x\u{1F}u")
        #expect(key("ohne-at.müller.de", "x", "u") == "ohne-at.müller.de\u{1F}x\u{1F}u")
        #expect(key("info@müller.de", "smtp.müller.de", "info", smtp: true)
            == "info@xn--mller-kva.de\u{1F}smtp.xn--mller-kva.de\u{1F}info")
        // A label too long for DNS has no ASCII form: kept lower-cased.
        let long = String(repeating: "ü", count: 70) + ".de"
        #expect(key("a@" + long, long, "u") == "a@\(long)\u{1F}\(long)\u{1F}u")

        let old = "jörg@müller-bau.de\u{1F}mail.müller-bau.de\u{1F}jörg@müller-bau.de"
        #expect(NaturalKey.upgraded(old) == unicode)
        #expect(NaturalKey.upgraded(unicode) == unicode)
        #expect(NaturalKey.upgraded("info@x.de\u{1F}imap.x.de\u{1F}info") == "info@x.de\u{1F}imap.x.de\u{1F}info")
        #expect(NaturalKey.upgraded("a@müller.de\u{1F}\u{1F}") == "a@xn--mller-kva.de\u{1F}\u{1F}")
        #expect(NaturalKey.upgraded("kein-trenner") == "kein-trenner")
    }
}

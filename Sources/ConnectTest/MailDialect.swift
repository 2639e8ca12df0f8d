import Foundation

/// What a server told about itself before login.
struct ServerCapabilities: Sendable {
    var capabilities: [String] = []
    /// SASL mechanisms offered (`PLAIN`, `LOGIN`, `XOAUTH2`, …), upper-case.
    var mechanisms: [String] = []
    var offersStartTLS = false
    /// The server forbids logging in now (IMAP LOGINDISABLED).
    var loginDisabled = false
}

/// One mail protocol's side of each probe step. Each protocol step is one
/// method here, and each protocol one type (`IMAPDialect`, `POP3Dialect`,
/// `SMTPDialect`), so a step reads like the RFC's exchange.
protocol MailDialect: Sendable {
    /// Reads the server's greeting.
    func greeting(_ session: MailSession) async throws(ProbeFailure)
    /// Asks for the capabilities (IMAP CAPABILITY, POP3 CAPA, SMTP EHLO).
    func capabilities(_ session: MailSession) async throws(ProbeFailure) -> ServerCapabilities
    /// Asks to start TLS (IMAP STARTTLS, POP3 STLS, SMTP STARTTLS); returns when the server agreed.
    func startTLS(_ session: MailSession) async throws(ProbeFailure)
    /// Logs in; throws `auth-failed` or `auth-unavailable`.
    func login(_ session: MailSession, user: String, password: String, offered: ServerCapabilities) async throws(ProbeFailure)
    /// Says goodbye (IMAP LOGOUT, POP3 QUIT, SMTP QUIT).
    func logout(_ session: MailSession) async
}

extension MailDialect {
    /// SASL PLAIN's initial response: authorization id empty, user, password (RFC 4616).
    static func plainResponse(user: String, password: String) -> String {
        Data(([0] + Array(user.utf8) + [0] + Array(password.utf8))).base64EncodedString()
    }

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}

/// IMAP4rev1 (RFC 3501) and STARTTLS (RFC 2595).
struct IMAPDialect: MailDialect {
    func greeting(_ session: MailSession) async throws(ProbeFailure) {
        let line = try await session.readLine(step: "greeting")
        guard line.hasPrefix("* OK") || line.hasPrefix("* PREAUTH") else { throw .protocolError("greeting", line) }
    }

    func capabilities(_ session: MailSession) async throws(ProbeFailure) -> ServerCapabilities {
        var result = ServerCapabilities()
        for line in try await command(session, "C1", "CAPABILITY", step: "capabilities") where line.uppercased().hasPrefix("* CAPABILITY ") {
            let words = line.dropFirst("* CAPABILITY ".count).split(separator: " ").map { String($0) }
            result.capabilities += words
        }
        for word in result.capabilities {
            let upper = word.uppercased()
            if upper.hasPrefix("AUTH=") { result.mechanisms.append(String(upper.dropFirst(5))) }
            if upper == "STARTTLS" { result.offersStartTLS = true }
            if upper == "LOGINDISABLED" { result.loginDisabled = true }
        }
        return result
    }

    func startTLS(_ session: MailSession) async throws(ProbeFailure) {
        _ = try await command(session, "S1", "STARTTLS", step: "starttls")
    }

    func login(_ session: MailSession, user: String, password: String, offered: ServerCapabilities) async throws(ProbeFailure) {
        if offered.loginDisabled {
            throw ProbeFailure(status: .authUnavailable, detail: "the server does not allow a login here (LOGINDISABLED)")
        }
        let tag = "L1"
        if offered.mechanisms.contains("PLAIN") {
            try await session.send("\(tag) AUTHENTICATE PLAIN", step: "login")
            let challenge = try await session.readLine(step: "login")
            guard challenge.hasPrefix("+") else { try Self.loginAnswer(challenge, tag: tag); return }
            try await session.send(Self.plainResponse(user: user, password: password), step: "login")
        } else {
            try await session.send("\(tag) LOGIN \(Self.quoted(user)) \(Self.quoted(password))", step: "login")
        }
        while true {
            let line = try await session.readLine(step: "login")
            if line.hasPrefix("\(tag) ") { try Self.loginAnswer(line, tag: tag); return }
        }
    }

    private static func loginAnswer(_ line: String, tag: String) throws(ProbeFailure) {
        let rest = line.dropFirst(tag.count + 1)
        if rest.hasPrefix("OK") { return }
        if rest.hasPrefix("NO") { throw ProbeFailure(status: .authFailed, detail: "the server refused the login: \(rest.prefix(200))") }
        throw .protocolError("login", String(line.prefix(200)))
    }

    func logout(_ session: MailSession) async {
        _ = try? await command(session, "Z1", "LOGOUT", step: "logout")
    }

    /// Sends a tagged command and reads up to its tagged OK; NO or BAD is a protocol error.
    private func command(_ session: MailSession, _ tag: String, _ text: String, step: String) async throws(ProbeFailure) -> [String] {
        try await session.send("\(tag) \(text)", step: step)
        var lines: [String] = []
        while true {
            let line = try await session.readLine(step: step)
            if line.hasPrefix("\(tag) ") {
                guard line.dropFirst(tag.count + 1).hasPrefix("OK") else { throw .protocolError(step, line) }
                return lines
            }
            lines.append(line)
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// POP3 (RFC 1939), CAPA and STLS (RFC 2449, 2595), AUTH (RFC 5034).
struct POP3Dialect: MailDialect {
    func greeting(_ session: MailSession) async throws(ProbeFailure) {
        let line = try await session.readLine(step: "greeting")
        guard line.hasPrefix("+OK") else { throw .protocolError("greeting", line) }
    }

    func capabilities(_ session: MailSession) async throws(ProbeFailure) -> ServerCapabilities {
        var result = ServerCapabilities()
        try await session.send("CAPA", step: "capabilities")
        let first = try await session.readLine(step: "capabilities")
        guard first.hasPrefix("+OK") else { return result }  // a server without CAPA
        while true {
            let line = try await session.readLine(step: "capabilities")
            if line == "." { break }
            result.capabilities.append(line)
            let words = line.uppercased().split(separator: " ")
            if words.first == "STLS" { result.offersStartTLS = true }
            if words.first == "SASL" { result.mechanisms += words.dropFirst().map(String.init) }
        }
        return result
    }

    func startTLS(_ session: MailSession) async throws(ProbeFailure) {
        try await session.send("STLS", step: "starttls")
        let line = try await session.readLine(step: "starttls")
        guard line.hasPrefix("+OK") else { throw .protocolError("starttls", line) }
    }

    func login(_ session: MailSession, user: String, password: String, offered: ServerCapabilities) async throws(ProbeFailure) {
        if offered.mechanisms.contains("PLAIN") {
            try await session.send("AUTH PLAIN \(Self.plainResponse(user: user, password: password))", step: "login")
            try Self.answer(try await session.readLine(step: "login"))
            return
        }
        try await session.send("USER \(user)", step: "login")
        let userAnswer = try await session.readLine(step: "login")
        guard userAnswer.hasPrefix("+OK") else {
            throw ProbeFailure(status: .authUnavailable, detail: "USER was refused: \(userAnswer.prefix(200))")
        }
        try await session.send("PASS \(password)", step: "login")
        try Self.answer(try await session.readLine(step: "login"))
    }

    private static func answer(_ line: String) throws(ProbeFailure) {
        if line.hasPrefix("+OK") { return }
        if line.hasPrefix("-ERR") { throw ProbeFailure(status: .authFailed, detail: "the server refused the login: \(line.prefix(200))") }
        throw .protocolError("login", line)
    }

    func logout(_ session: MailSession) async {
        try? await session.send("QUIT", step: "logout")
        _ = try? await session.readLine(step: "logout")
    }
}

/// SMTP submission (RFC 5321, 6409), STARTTLS (RFC 3207), AUTH (RFC 4954).
struct SMTPDialect: MailDialect {
    /// The name announced in EHLO.
    let clientName: String

    func greeting(_ session: MailSession) async throws(ProbeFailure) {
        let (code, lines) = try await reply(session, step: "greeting")
        guard code == 220 else { throw .protocolError("greeting", lines.last ?? "") }
    }

    func capabilities(_ session: MailSession) async throws(ProbeFailure) -> ServerCapabilities {
        try await session.send("EHLO \(clientName)", step: "capabilities")
        let (code, lines) = try await reply(session, step: "capabilities")
        guard code == 250 else { throw .protocolError("capabilities", lines.last ?? "") }
        var result = ServerCapabilities()
        for line in lines.dropFirst() {
            let text = String(line.dropFirst(4))
            result.capabilities.append(text)
            let words = text.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" })
            if words.first == "STARTTLS" { result.offersStartTLS = true }
            if words.first == "AUTH" { result.mechanisms += words.dropFirst().map(String.init).filter { !result.mechanisms.contains($0) } }
        }
        return result
    }

    func startTLS(_ session: MailSession) async throws(ProbeFailure) {
        try await session.send("STARTTLS", step: "starttls")
        let (code, lines) = try await reply(session, step: "starttls")
        guard code == 220 else { throw .protocolError("starttls", lines.last ?? "") }
    }

    func login(_ session: MailSession, user: String, password: String, offered: ServerCapabilities) async throws(ProbeFailure) {
        if offered.mechanisms.contains("PLAIN") {
            try await session.send("AUTH PLAIN \(Self.plainResponse(user: user, password: password))", step: "login")
        } else if offered.mechanisms.contains("LOGIN") {
            try await session.send("AUTH LOGIN", step: "login")
            for answer in [Self.base64(user), Self.base64(password)] {
                let (code, lines) = try await reply(session, step: "login")
                guard code == 334 else { try Self.authAnswer(code, lines); return }
                try await session.send(answer, step: "login")
            }
        } else {
            throw ProbeFailure(
                status: .authUnavailable,
                detail: offered.mechanisms.isEmpty ? "the server offers no AUTH here" : "the server offers only \(offered.mechanisms.joined(separator: " "))")
        }
        let (code, lines) = try await reply(session, step: "login")
        try Self.authAnswer(code, lines)
    }

    private static func authAnswer(_ code: Int, _ lines: [String]) throws(ProbeFailure) {
        if code == 235 { return }
        if code == 535 || code == 534 || code == 454 {
            throw ProbeFailure(status: .authFailed, detail: "the server refused the login: \(lines.last?.prefix(200) ?? "")")
        }
        throw .protocolError("login", lines.last ?? "")
    }

    func logout(_ session: MailSession) async {
        try? await session.send("QUIT", step: "logout")
        _ = try? await reply(session, step: "logout")
    }

    /// A reply: its code and all its lines (`250-…` continues, `250 …` ends).
    private func reply(_ session: MailSession, step: String) async throws(ProbeFailure) -> (Int, [String]) {
        var lines: [String] = []
        while true {
            let line = try await session.readLine(step: step)
            lines.append(line)
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw .protocolError(step, line) }
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { return (code, lines) }
            if lines.count > 1000 { throw .protocolError(step, "a reply of more than 1000 lines") }
        }
    }
}

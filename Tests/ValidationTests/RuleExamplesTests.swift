import Foundation
import MailModel
import Testing

@testable import Validation

/// Runs every rule's own examples: each triggering example must give at least
/// one finding of that rule, each non-triggering example none.
@Suite struct RuleExamplesTests {
    static let rules: [any AccountRule] = RuleCatalog.rules

    @Test(arguments: rules.map { type(of: $0).description.identifier })
    func examplesBehaveAsDescribed(identifier: String) throws {
        let rule = try #require(Self.rules.first { type(of: $0).description.identifier == identifier })
        let description = type(of: rule).description
        #expect(!description.triggeringExamples.isEmpty, "a rule needs triggering examples")
        #expect(!description.nonTriggeringExamples.isEmpty, "a rule needs non-triggering examples")
        for (index, example) in description.triggeringExamples.enumerated() {
            let facts = AccountFacts(try example.account(), providers: ProviderIndex(description.exampleProviders))
            let findings = rule.validate(facts, severity: description.severity)
            #expect(!findings.isEmpty, "triggering example \(index + 1) of \(identifier) found nothing")
            for finding in findings {
                #expect(finding.rule == identifier)
                #expect(finding.severity == description.severity)
            }
        }
        for (index, example) in description.nonTriggeringExamples.enumerated() {
            let facts = AccountFacts(try example.account(), providers: ProviderIndex(description.exampleProviders))
            let findings = rule.validate(facts, severity: description.severity)
            #expect(findings.isEmpty, "non-triggering example \(index + 1) of \(identifier) found \(findings)")
        }
    }

    @Test func identifiersAreUniqueAndKebabCase() {
        let ids = Self.rules.map { type(of: $0).description.identifier }
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber }) }
    }
}

@Suite struct RuleMessageTests {
    func findings(_ example: Example) throws -> [Finding] { RuleCatalog.validate(try example.account()) }

    @Test func portSecurityMismatchSaysWhatAndHow() throws {
        let found = try findings([.email: "info@example.de", .incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "993",
                                  .incomingSecurity: "none", .incomingAuth: "password", .incomingUser: "u"])
        #expect(found.map(\.rule) == ["port-security-mismatch", "cleartext-connection", "password-over-cleartext"])
        #expect(found[0] == Finding(
            rule: "port-security-mismatch", severity: .error, field: .incomingSecurity,
            message: "port 993 speaks TLS from the first byte, but security is none",
            fix: "Set security to tls, or use port 143."))
    }

    /// Each image that is not on a web server is named, a long source shortened;
    /// one on a web server is not, whatever the case of its scheme.
    @Test func signatureImagesNotOnAWebServer() throws {
        let long = "data:image/png;base64," + String(repeating: "A", count: 80)
        let html = "<p><img src=\"/userdata/logo.png\"><IMG ALT=x SRC='HTTPS://cdn.example.de/a.png'><img src=\(long)></p>"
        let found = try findings([.signatureHTML: html]).filter { $0.rule == "signature-image-not-external" }
        #expect(found.map(\.message) == [
            "signature image '/userdata/logo.png' is not an absolute http(s) URL",
            "signature image 'data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…' is not an absolute http(s) URL",
        ])
        #expect(found.allSatisfy { $0.field == .signatureHTML && $0.severity == .warning })
    }

    @Test func portOfAnotherProtocol() throws {
        let found = try findings([.email: "info@example.de", .incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "465",
                                  .incomingSecurity: "tls"])
        #expect(found == [Finding(
            rule: "port-security-mismatch", severity: .error, field: .incomingPort,
            message: "IMAP server on port 465, which is the SMTP port",
            fix: "Use the IMAP port (993 with tls or 143 with starttls).")])
    }

    /// An account without an address is one finding on `email`, naming the
    /// first of its logins and sender address that is an address; a blank
    /// address is missing, not malformed.
    @Test func missingAddressNamesTheLikelyOne() throws {
        let noLogin = try findings([.incomingProtocol: "imap", .incomingHost: "imap.x.de", .incomingUser: "k4711",
                                    .outgoingEnabled: "true", .outgoingMethod: "smtp", .outgoingHost: "smtp.x.de",
                                    .outgoingSecurity: "tls", .outgoingPort: "465", .outgoingSenderAddress: "info@x.de",
                                    .outgoingUser: "smtp@x.de"])
        #expect(noLogin == [Finding(
            rule: "missing-address", severity: .warning, field: .email,
            message: "the account has no e-mail address; the sender address 'info@x.de' is an address",
            fix: "Enter the mailbox's address (most often its login).")])
        let login = try findings([.email: " ", .incomingProtocol: "imap", .incomingHost: "imap.x.de", .incomingUser: "anna@x.de"])
        #expect(login.map(\.message) == ["the account has no e-mail address; the incoming login 'anna@x.de' is an address"])
        let smtp = try findings([.incomingUser: "a@b@x.de", .outgoingUser: "smtp@x.de"])
        #expect(smtp.map(\.message) == ["the account has no e-mail address; the SMTP login 'smtp@x.de' is an address"])
        #expect(try findings([.outgoingSenderAddress: "@x.de"]).map(\.rule) == ["missing-address", "invalid-address"])
    }

    @Test func anUmlautLabelTooLongForDNS() throws {
        let found = try findings([.email: "info@example.de", .incomingProtocol: "imap", .incomingPort: "993", .incomingSecurity: "tls",
                                  .incomingHost: "mail.jürgen-müller-maschinenbau-und-anlagentechnik-köln-süd-gmbh.de"])
        #expect(found.map(\.message) == [
            "IMAP host 'mail.jürgen-müller-maschinenbau-und-anlagentechnik-köln-süd-gmbh.de' has a label longer than 63 "
                + "characters in its ASCII form (xn--…), the form DNS holds",
        ])
    }

    @Test func unknownValueNamesTheValue() throws {
        let found = try findings([.email: "info@example.de", .incomingSecurity: "SSL/TLS"])
        #expect(found.map(\.message) == ["incoming_security is 'SSL/TLS', which is not one of: none, starttls, tls"])
    }
}

/// Every batch rule's example batches: the last account of a triggering batch
/// gets a finding of that rule, no account of a non-triggering batch does.
@Suite struct BatchRuleExamplesTests {
    @Test(arguments: RuleCatalog.batchRules.map { $0.description.identifier })
    func examplesBehaveAsDescribed(identifier: String) throws {
        let type = try #require(RuleCatalog.batchRules.first { $0.description.identifier == identifier })
        let description = type.description
        #expect(!description.triggeringBatches.isEmpty && !description.nonTriggeringBatches.isEmpty)
        for batch in description.triggeringBatches {
            var rule = type.init(firstSeen: FirstSeen())
            var last: [Finding] = []
            for (n, example) in batch.enumerated() {
                last = rule.validate(try example.account(), source: .init(file: "t.csv", line: n + 2), severity: description.severity)
                if n < batch.count - 1 { #expect(last.isEmpty) }
            }
            #expect(last.map(\.rule) == [identifier])
        }
        for batch in description.nonTriggeringBatches {
            var rule = type.init(firstSeen: FirstSeen())
            for (n, example) in batch.enumerated() {
                #expect(rule.validate(try example.account(), source: .init(file: "t.csv", line: n + 2), severity: description.severity).isEmpty)
            }
        }
    }

    @Test func catalogueHasTheIssueRulesAndMore() {
        let ids = Set(RuleCatalog.identifiers)
        #expect(ids.count == RuleCatalog.identifiers.count)
        #expect(ids.count >= 25)
    }
}

@Suite struct RuleConfigurationTests {
    @Test func rulesFileTurnsRulesOffAndChangesSeverity() throws {
        let dir = NSTemporaryDirectory() + "rules-\(UUID().uuidString).json"
        try #"{"disabled": ["cleartext-connection"], "severity": {"password-over-cleartext": "warning"}}"#
            .write(toFile: dir, atomically: true, encoding: .utf8)
        var validator = BatchValidator(configuration: try RuleConfiguration(file: dir))
        let account = try Example([.email: "info@example.de", .incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "143",
                                   .incomingSecurity: "none", .incomingAuth: "password", .incomingUser: "u"]).account()
        let findings = validator.validate(account, source: .init(file: "x"))
        #expect(findings.map(\.rule) == ["password-over-cleartext"])
        #expect(findings.map(\.severity) == [.warning])
    }

    @Test func badRulesFilesAreClearErrors() throws {
        let path = NSTemporaryDirectory() + "rules-\(UUID().uuidString).json"
        for (text, message) in [
            (#"{"disabled": ["no-such-rule"]}"#, "disabled: unknown rule 'no-such-rule'"),
            (#"{"severity": {"invalid-port": "fatal"}}"#, "severity of invalid-port: 'fatal' is not error, warning or info"),
            (#"{"enable": []}"#, "unknown key 'enable' (expected disabled, severity)"),
            ("[1]", "not a JSON object (expected {\"disabled\": [...], \"severity\": {...}})"),
        ] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: RuleConfiguration.FileError(path: path, message: message)) { try RuleConfiguration(file: path) }
        }
    }
}

@Suite struct BatchRuleMemoryTests {
    /// A batch rule travels through the validator as a value; its memory must
    /// be shared by every copy, or each account would copy the whole map of
    /// keys seen (which once made a 1M-row run quadratic).
    @Test func copiesOfABatchRuleShareTheirMemory() throws {
        let a = try Example([.email: "a@x.de", .incomingHost: "imap.x.de", .incomingUser: "a"]).account()
        var original = DuplicateAccountRule(firstSeen: FirstSeen())
        let copy = original
        #expect(original.validate(a, source: .init(file: "x.csv", line: 2), severity: .error).isEmpty)
        var later = copy
        #expect(later.validate(a, source: .init(file: "x.csv", line: 9), severity: .error).map(\.message)
            == ["the same account (address, server and login) as x.csv:2"])
    }

    @Test func theValidatorRemembersAcrossAccounts() throws {
        var validator = BatchValidator()
        for n in 0..<1000 {
            let account = try Example([.email: "user\(n)@example.de", .incomingProtocol: "imap",
                                       .incomingHost: "imap.example.de", .incomingPort: "993",
                                       .incomingSecurity: "tls", .incomingUser: "user\(n)"]).account()
            #expect(validator.validate(account, source: .init(file: "x.csv", line: n + 2)).isEmpty)
        }
        let again = try Example([.email: "user7@example.de", .incomingProtocol: "imap", .incomingHost: "imap.example.de",
                                 .incomingPort: "993", .incomingSecurity: "tls", .incomingUser: "user7"]).account()
        #expect(validator.validate(again, source: .init(file: "x.csv", line: 2000)).map(\.rule) == ["duplicate-account"])
    }
}

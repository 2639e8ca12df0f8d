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
            let findings = rule.validate(try example.account(), severity: description.severity)
            #expect(!findings.isEmpty, "triggering example \(index + 1) of \(identifier) found nothing")
            for finding in findings {
                #expect(finding.rule == identifier)
                #expect(finding.severity == description.severity)
            }
        }
        for (index, example) in description.nonTriggeringExamples.enumerated() {
            let findings = rule.validate(try example.account(), severity: description.severity)
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
        let found = try findings([.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "993", .incomingSecurity: "none",
                                  .incomingAuth: "password"])
        #expect(found.map(\.rule) == ["port-security-mismatch", "cleartext-connection", "password-over-cleartext"])
        #expect(found[0] == Finding(
            rule: "port-security-mismatch", severity: .error, field: .incomingSecurity,
            message: "port 993 speaks TLS from the first byte, but security is none",
            fix: "Set security to tls, or use port 143."))
    }

    @Test func portOfAnotherProtocol() throws {
        let found = try findings([.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "465", .incomingSecurity: "tls"])
        #expect(found == [Finding(
            rule: "port-security-mismatch", severity: .error, field: .incomingPort,
            message: "IMAP server on port 465, which is the SMTP port",
            fix: "Use the IMAP port (993 with tls or 143 with starttls).")])
    }

    @Test func unknownValueNamesTheValue() throws {
        let found = try findings([.incomingSecurity: "SSL/TLS"])
        #expect(found.map(\.message) == ["incoming_security is 'SSL/TLS', which is not one of: none, starttls, tls"])
    }
}

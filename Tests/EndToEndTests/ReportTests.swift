import Foundation
import TestSupport
import Testing

/// `mailmigrate report`: the customer's HTML report.
@Suite struct ReportTests {
    typealias MM = MailMigrateBinary

    @Test func theReportHoldsCountsFindingsAndNoPassword() throws {
        let dir = TemporaryDirectory()
        try MM.run(["run", "--quiet", MM.samples], in: dir.path)
        dir.file("x.csv", """
            email,display_name,incoming_protocol,incoming_host,incoming_port,incoming_security,incoming_user,incoming_password
            evil@example.de,<script>alert('x')</script> & Co,imap,imap.example.de,993,tls,evil,Geheim&<Pass>

            """)
        try MM.run(["run", "--quiet", "x.csv"], in: dir.path)
        let result = try MM.run(["report", "-o", "report.html"], in: dir.path)
        #expect(result.status == 0 && result.stdout == "" && result.stderr == "")
        let html = try #require(dir.read("report.html"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<div class=\"card\"><b>25</b><span>Konten</span></div>"))
        #expect(html.contains("<div class=\"card error\"><b>6</b><span>Konten mit Fehlern</span></div>"))
        #expect(html.components(separatedBy: "<tr data-severity=").count - 1 == 25)
        #expect(html.contains("<code>password-over-cleartext</code> IMAP login sends the password without encryption"))
        #expect(html.contains("<td><b>lager@schaefer-moebel.de</b>"))
        // Escaped, never markup of its own; self-contained.
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import"))
        for secret in ["Sommer2024!Mm", "Geheim&", "Geheim&amp;"] { #expect(!html.contains(secret), "\(secret)") }
    }
}

import Foundation
import NIOSSL

/// Why TLS failed, in the words the status list uses: untrusted, expired,
/// name mismatch, handshake failure. BoringSSL's verification errors are
/// only codes in a message; when a certificate was rejected, `CertificateCheck`
/// looks at the certificate itself to say which of them it was.
enum TLSReason {
    static func describe(_ error: NIOSSLError) -> String {
        let text = "\(error)"
        if isVerificationFailure(error) { return "certificate rejected: \(shorten(text))" }
        return "handshake failure: \(shorten(text))"
    }

    static func describe(_ error: NIOSSLExtraError) -> String {
        if error == .failedToValidateHostname { return "name mismatch: the certificate does not name the host" }
        return "handshake failure: \(error)"
    }

    static func isVerificationFailure(_ error: Error) -> Bool {
        "\(error)".uppercased().contains("CERTIFICATE_VERIFY_FAILED")
    }

    private static func shorten(_ text: String) -> String { text.count > 200 ? String(text.prefix(200)) + "…" : text }
}

/// A rejected certificate, looked at after the fact (fetched again with
/// verification off): expired or not yet valid, made for another name, or
/// signed by no one we trust.
enum CertificateCheck {
    static func reason(for certificate: NIOSSLCertificate, host: String, now: Date = Date()) -> String {
        let notAfter = Date(timeIntervalSince1970: TimeInterval(certificate.notValidAfter))
        let notBefore = Date(timeIntervalSince1970: TimeInterval(certificate.notValidBefore))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        if notAfter < now { return "expired: the certificate was valid until \(formatter.string(from: notAfter))" }
        if notBefore > now { return "not yet valid: the certificate is valid from \(formatter.string(from: notBefore))" }
        let names = self.names(of: certificate)
        if !names.contains(where: { matches($0, host) }) {
            return "name mismatch: the certificate is for \(names.joined(separator: ", ")), not \(host)"
        }
        return "untrusted: the certificate (\(subject(of: certificate))) is not signed by a trusted CA (--ca-file adds one)"
    }

    /// The DNS names and addresses the certificate is for (its SANs, else its common name).
    static func names(of certificate: NIOSSLCertificate) -> [String] {
        var names: [String] = []
        for name in certificate._subjectAlternativeNames() {
            switch name.nameType {
            case .dnsName: names.append(String(decoding: name.contents, as: UTF8.self))
            case .ipAddress:
                let bytes = Array(name.contents)
                if bytes.count == 4 { names.append(bytes.map(String.init).joined(separator: ".")) }
            default: break
            }
        }
        if names.isEmpty, let cn = commonName(of: certificate) { names.append(cn) }
        return names
    }

    static func subject(of certificate: NIOSSLCertificate) -> String {
        commonName(of: certificate).map { "CN=\($0)" } ?? names(of: certificate).joined(separator: ", ")
    }

    /// NIOSSL keeps `commonName()` internal; its description carries it.
    static func commonName(of certificate: NIOSSLCertificate) -> String? {
        let description = certificate.description
        guard let range = description.range(of: "common_name=") else { return nil }
        let rest = description[range.upperBound...]
        return String(rest.prefix { $0 != ";" && $0 != ">" })
    }

    private static func matches(_ pattern: String, _ host: String) -> Bool {
        let pattern = pattern.lowercased()
        let host = host.lowercased()
        if pattern == host { return true }
        if pattern.hasPrefix("*."), let dot = host.firstIndex(of: ".") { return host[dot...] == pattern.dropFirst() }
        return false
    }
}

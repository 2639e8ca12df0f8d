import MailModel
import Validation

/// One account with where it came from and what validation found.
struct ValidatedAccount {
    let email: String
    let source: String
    let findings: [Finding]
}

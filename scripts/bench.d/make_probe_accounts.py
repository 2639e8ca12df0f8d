#!/usr/bin/env python3
"""N accounts for the connect-test benchmark, spread over the endpoints of
scripts/mail-servers (ports.env): incoming over IMAPS, IMAP STARTTLS, POP3S
and POP3 STLS, outgoing over submission STARTTLS and implicit TLS; account i
logs in as user i (MAILMIGRATE_MAIL_USERS=N makes them).

    make_probe_accounts.py N PORTS_ENV OUT.csv
"""
import sys

n, env, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ports = dict(line.strip().split("=", 1) for line in open(env) if "=" in line)
incoming = [("imap", "IMAPS", "tls"), ("imap", "IMAP_STARTTLS", "starttls"), ("pop3", "POP3S", "tls"), ("pop3", "POP3_STLS", "starttls")]
outgoing = [("SUBMISSION", "starttls"), ("SUBMISSIONS", "tls")]
with open(out, "w") as f:
    f.write("email,incoming_protocol,incoming_host,incoming_port,incoming_security,incoming_auth,incoming_user,incoming_password,"
            "outgoing_enabled,outgoing_host,outgoing_port,outgoing_security,outgoing_auth,outgoing_user,outgoing_password\n")
    for i in range(1, n + 1):
        proto, port, sec = incoming[i % len(incoming)]
        oport, osec = outgoing[i % len(outgoing)]
        user, password = f"user{i:04d}", f"Pass-{i:04d}"
        f.write(f"{user}@localhost,{proto},localhost,{ports[port]},{sec},password,{user},{password},"
                f"true,localhost,{ports[oport]},{osec},password,{user},{password}\n")

#!/usr/bin/env python3
"""Writes N deterministic canonical-CSV accounts (about 770 bytes a row) for the benchmark.

Usage: make_canonical_csv.py N OUT.csv
The same N gives the same file, byte for byte.
"""
import sys

FIELDS = ("email,display_name,description,origin,incoming_protocol,incoming_host,incoming_port,"
          "incoming_security,incoming_auth,incoming_oauth_provider,incoming_user,incoming_password,"
          "incoming_delete_on_server,incoming_fetch_from,incoming_sent_folder,incoming_drafts_folder,"
          "incoming_trash_folder,incoming_copy_to_sent,outgoing_enabled,outgoing_method,outgoing_host,"
          "outgoing_port,outgoing_security,outgoing_auth,outgoing_oauth_provider,outgoing_oauth_parameter,"
          "outgoing_user,outgoing_password,outgoing_sender_address,outgoing_sender_name,"
          "outgoing_client_alias,outgoing_debug,outgoing_bcc,usable_as_sender,usable_as_reply_to,global,"
          "private_owner,visible_to_users,visible_to_groups,is_default,ticket_enabled,ticket_queue,"
          "ticket_project,ticket_mark_closed,ticket_answer_from_inbound,archive_enabled,"
          "archive_delete_after_days,autoresponder_enabled,autoresponder_once_per_day,"
          "autoresponder_subject,autoresponder_text,signature_enabled,signature_html,"
          "import_sender_patterns,erp_project_id,erp_company_id,erp_employee_id,"
          "erp_letter_template_id,extras")

FIRST = ["Anna", "Jürgen", "Sören", "Birgit", "Özlem", "Max", "Lena", "Thomas", "Małgorzata", "Ute"]
LAST = ["Müller", "Schäfer", "Weiß", "Köhler", "Groß", "Becker", "Hoffmann", "Nowak", "Krüger", "Wagner"]
DEPTS = ["Vertrieb", "Einkauf", "Buchhaltung", "Kundendienst", "Versand", "Geschäftsführung"]


def ascii_name(name):
    """Addresses are written the way German firms write them: ü as ue, ß as ss."""
    table = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ł": "l", "ó": "o", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
    return "".join(table.get(c, c) for c in name).lower()


def row(n):
    first, last = FIRST[n % 10], LAST[(n // 10) % 10]
    domain = f"kunde-{n % 9973}.de"
    user = f"{ascii_name(first)}.{ascii_name(last)}.{n}"
    email = f"{user}@{domain}"
    if n % 3 == 0:
        proto, port, sec = "imap", "993", "tls"
    elif n % 3 == 1:
        proto, port, sec = "imap", "143", "starttls"
    else:
        proto, port, sec = "pop3", "995", "tls"
    dept = DEPTS[n % len(DEPTS)]
    signature = (f"<p>Mit freundlichen Grüßen<br>{{MITARBEITER}}<br>{dept}<br>Telefon {{MITARBEITER_TELEFON}}"
                 f"<br>Kunde {n % 9973} GmbH &amp; Co. KG, Hauptstraße {n % 200 + 1}, 10115 Berlin</p>")
    values = [
        email, f"{first} {last}", f"{dept}, Postfach {n}", "", proto, f"{proto}.{domain}", port, sec,
        "password", "", email, f"Geh31m!{n * 7919 % 1000003}", "false", "2024-01-15",
        "INBOX.Sent", "INBOX.Drafts", "INBOX.Trash", "true", "true", "smtp", f"smtp.{domain}",
        "465" if n % 2 else "587", "tls" if n % 2 else "starttls", "password", "", "", email,
        f"Geh31m!{n * 7919 % 1000003}", "", "", "", "false", "", "true", "true", "false", "",
        "anna;bernd" if n % 5 == 0 else "", "Vertrieb" if n % 7 == 0 else "", "false",
        "true" if n % 4 == 0 else "false", "Support", f"Projekt {n % 50}", "false", "true", "true", "30",
        "true" if n % 4 == 0 else "false", "true", "Ihre Anfrage #{TICKET}: {BETREFF}",
        "<p>Vielen Dank für Ihre Nachricht. Wir melden uns innerhalb eines Werktags.</p>",
        "true", signature, "", str(n % 50), "1", str(1000 + n % 300), "3", "",
    ]
    out = []
    for v in values:
        if any(c in v for c in ',"\n') or v.startswith(" ") or v.endswith(" "):
            v = '"' + v.replace('"', '""') + '"'
        out.append(v)
    return ",".join(out)


def main():
    n, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(FIELDS + "\n")
        for i in range(n):
            f.write(row(i) + "\n")


if __name__ == "__main__":
    main()

-- OpenXE's mail-account tables, as database/struktur.sql creates them (see
-- ../shared/reference/openxe.md): `emailbackup` whole, `firmendaten` with its
-- mail columns and a few others, `firmendaten_werte`, and a table with binary
-- data, as a full dump has (company logos), which readers must skip.
CREATE TABLE `emailbackup` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `angezeigtername` varchar(255) NOT NULL,
  `internebeschreibung` varchar(255) NOT NULL,
  `benutzername` varchar(255) NOT NULL,
  `passwort` varchar(255) NOT NULL,
  `server` varchar(255) NOT NULL,
  `smtp` varchar(255) NOT NULL,
  `ticket` int(1) NOT NULL,
  `imap_sentfolder_aktiv` int(1) NOT NULL,
  `imap_sentfolder` varchar(255) NOT NULL DEFAULT 'inbox.sent',
  `imap_port` int(11) NOT NULL DEFAULT 993,
  `imap_type` int(11) NOT NULL DEFAULT 3,
  `autoresponder` int(1) NOT NULL,
  `geschaeftsbriefvorlage` int(11) NOT NULL,
  `autoresponderbetreff` varchar(255) NOT NULL,
  `autorespondertext` text NOT NULL,
  `projekt` int(11) NOT NULL,
  `emailbackup` int(1) NOT NULL,
  `adresse` int(11) NOT NULL,
  `firma` int(11) NOT NULL,
  `loeschtage` varchar(255) NOT NULL,
  `geloescht` int(1) NOT NULL,
  `ticketloeschen` tinyint(1) NOT NULL DEFAULT 0,
  `ticketabgeschlossen` tinyint(1) NOT NULL DEFAULT 0,
  `ticketqueue` varchar(255) DEFAULT NULL,
  `ticketprojekt` varchar(255) DEFAULT NULL,
  `ticketemaileingehend` int(1) NOT NULL DEFAULT 0,
  `smtp_extra` int(1) NOT NULL DEFAULT 0,
  `smtp_ssl` int(1) NOT NULL DEFAULT 0,
  `smtp_port` int(11) NOT NULL DEFAULT 25,
  `smtp_frommail` varchar(128) NOT NULL,
  `smtp_fromname` varchar(128) NOT NULL,
  `client_alias` varchar(255) NOT NULL,
  `smtp_authtype` varchar(128) NOT NULL,
  `smtp_authparam` text NOT NULL,
  `smtp_loglevel` int(1) NOT NULL DEFAULT 0,
  `autosresponder_blacklist` tinyint(1) NOT NULL DEFAULT 1,
  `eigenesignatur` tinyint(1) NOT NULL DEFAULT 0,
  `signatur` text NOT NULL,
  `mutex` tinyint(1) NOT NULL DEFAULT 0,
  `abdatum` date DEFAULT NULL,
  `email` varchar(64) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;

CREATE TABLE `firmendaten` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(64) NOT NULL,
  `strasse` varchar(64) NOT NULL,
  `benutzername` varchar(64) NOT NULL,
  `passwort` varchar(64) NOT NULL,
  `host` varchar(64) NOT NULL,
  `port` varchar(64) NOT NULL,
  `mailssl` int(1) NOT NULL DEFAULT 0,
  `signatur` text NOT NULL,
  `mailanstellesmtp` int(1) DEFAULT NULL,
  `bcc1` varchar(64) NOT NULL,
  `bcc2` varchar(64) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;

CREATE TABLE `firmendaten_werte` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(64) NOT NULL,
  `typ` varchar(64) NOT NULL,
  `typ1` varchar(64) NOT NULL,
  `typ2` varchar(64) NOT NULL,
  `wert` text NOT NULL,
  `default_value` text NOT NULL,
  `default_null` tinyint(1) NOT NULL DEFAULT 0,
  `darf_null` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;

CREATE TABLE `firmenlogo` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `dateiname` varchar(255) NOT NULL,
  `logo` longblob NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;

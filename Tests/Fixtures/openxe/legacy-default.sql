/*M!999999\- enable the sandbox mode */ 
-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: openxe_legacy
-- ------------------------------------------------------
-- Server version	10.11.19-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Table structure for table `emailbackup`
--

DROP TABLE IF EXISTS `emailbackup`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
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
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `emailbackup`
--

LOCK TABLES `emailbackup` WRITE;
/*!40000 ALTER TABLE `emailbackup` DISABLE KEYS */;
INSERT INTO `emailbackup` VALUES
(1,'MÃ¼ller Maschinenbau GmbH','BÃ¼ro â€“ Zentrale','info@mueller-maschinenbau.de','Sommer2024!Mm','mail.mueller-maschinenbau.de','mail.mueller-maschinenbau.de',0,1,'INBOX.Gesendete Elemente',993,3,0,0,'Ihre Anfrage â€ž{BETREFF}â€œ','<p>Vielen Dank fÃ¼r Ihre Nachricht.</p>',0,0,0,0,'',0,0,0,NULL,NULL,0,1,2,465,'','MÃ¼ller â€“ Vertrieb','','smtp','',0,1,1,'<p>Mit freundlichen GrÃ¼ÃŸen â€“ Ihr Team</p>',0,NULL,'info@mueller-maschinenbau.de'),
(2,'Bäckerei Groß','Filiale Süd','filiale@baeckerei-gross.de','Brötchen#7','imap.baeckerei-gross.de','smtp.baeckerei-gross.de',0,0,'inbox.sent',993,3,0,0,'','',0,0,0,0,'',0,0,0,NULL,NULL,0,1,2,465,'','Bäckerei Groß','','smtp','',0,1,1,'<p>Grüße aus der Backstube</p>',0,NULL,'filiale@baeckerei-gross.de');
/*!40000 ALTER TABLE `emailbackup` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed
